import { useMutation, useQueryClient } from "@tanstack/react-query";
import { trpc } from "../lib/trpc.ts";

/** The file's bytes as base64 (how the API takes uploads), without the data-URL prefix. */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(",") + 1));
    };
    reader.onerror = () => reject(new Error("Could not read the file from your device."));
    reader.readAsDataURL(file);
  });
}

/** Creates documents from a file or pasted text and refreshes the list afterwards. */
export function useCreateDocument() {
  const queryClient = useQueryClient();
  const create = useMutation(
    trpc.documents.create.mutationOptions({
      onSettled: () => queryClient.invalidateQueries(trpc.documents.list.pathFilter()),
    }),
  );
  return {
    fromText: (title: string, text: string) => create.mutateAsync({ source: "text", title, text }),
    fromFile: async (file: File) =>
      create.mutateAsync({
        source: "file",
        fileName: file.name,
        contentBase64: await readAsBase64(file),
      }),
  };
}
