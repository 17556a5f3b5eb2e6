import { Button } from "@docket/ui";
import type { Provider } from "@supabase/auth-js";
import { useQuery } from "@tanstack/react-query";
import { env } from "../../env.ts";
import { auth, callbackUrl } from "../../lib/supabase.ts";

const labels: Partial<Record<Provider, string>> = { github: "GitHub", google: "Google" };

// Auth's public settings say which providers the project has turned on; we show only those.
async function enabledProviders(): Promise<Provider[]> {
  const response = await fetch(new URL("/auth/v1/settings", env.VITE_SUPABASE_URL), {
    headers: { apikey: env.VITE_SUPABASE_PUBLISHABLE_KEY },
  });
  if (!response.ok) return [];
  const body = (await response.json()) as { external?: Record<string, boolean> };
  return Object.entries(body.external ?? {})
    .filter(([name, on]) => on && name in labels)
    .map(([name]) => name as Provider);
}

export function OAuthButtons({ onError }: { onError: (message: string) => void }) {
  const providers = useQuery({
    queryKey: ["auth-providers"],
    queryFn: enabledProviders,
    staleTime: Infinity,
  });
  if (!providers.data?.length) return null;

  async function signIn(provider: Provider) {
    const { error } = await auth.signInWithOAuth({
      provider,
      options: { redirectTo: callbackUrl() },
    });
    if (error) onError(error.message);
  }

  return (
    <div className="mt-5 flex flex-col gap-2 border-t border-slate-200 pt-5">
      {providers.data.map((p) => (
        <Button key={p} variant="secondary" onClick={() => void signIn(p)}>
          Continue with {labels[p]}
        </Button>
      ))}
    </div>
  );
}
