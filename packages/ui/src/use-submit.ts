import { useCallback, useState } from "react";

/** Pending flag + error message for a form's async submit, so every form handles both the same way. */
export function useSubmit() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = useCallback(async (action: () => Promise<string | null>) => {
    setPending(true);
    setError(null);
    try {
      setError(await action());
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : "Something went wrong.");
    } finally {
      setPending(false);
    }
  }, []);

  return { pending, error, setError, run };
}
