import { Alert, Button, Card, Field, Input, PageTitle, Spinner, useToast } from "@docket/ui";
import { Link } from "@docket/ui/router";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { describeApiError } from "../lib/api-error.ts";
import { formatDateTime } from "../lib/format.ts";
import { trpc } from "../lib/trpc.ts";

export function ProfilePage() {
  const queryClient = useQueryClient();
  const toast = useToast();
  const profile = useQuery(trpc.profile.get.queryOptions());
  const [name, setName] = useState("");
  useEffect(() => {
    if (profile.data) setName(profile.data.display_name ?? "");
  }, [profile.data]);

  const save = useMutation(
    trpc.profile.update.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.profile.pathFilter());
        toast({ title: "Profile saved", tone: "success" });
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ displayName: name.trim() });
  }

  return (
    <>
      <PageTitle>Profile</PageTitle>
      {profile.isPending ? (
        <Spinner label="Loading your profile" />
      ) : profile.isError ? (
        <Alert title="Could not load your profile">{describeApiError(profile.error)}</Alert>
      ) : (
        <div className="grid gap-6 md:grid-cols-2">
          <Card title="Your details">
            <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
              <Field label="E-mail" hint="The address you sign in with.">
                {(p) => <Input {...p} value={profile.data.email ?? ""} readOnly disabled />}
              </Field>
              <Field
                label="Display name"
                error={save.error ? describeApiError(save.error) : undefined}
              >
                {(p) => (
                  <Input
                    {...p}
                    value={name}
                    maxLength={100}
                    autoComplete="name"
                    onChange={(e) => setName(e.target.value)}
                  />
                )}
              </Field>
              <div>
                <Button type="submit" loading={save.isPending}>
                  Save
                </Button>
              </div>
            </form>
          </Card>
          <Card title="Account">
            <dl className="mb-4 text-sm text-slate-600">
              <dt className="inline">Member since: </dt>
              <dd className="inline">{formatDateTime(profile.data.created_at)}</dd>
            </dl>
            <Link to="/update-password" className="text-sm font-medium text-brand-700 underline">
              Change your password
            </Link>
          </Card>
        </div>
      )}
    </>
  );
}
