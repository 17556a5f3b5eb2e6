import { AuthCard, type AuthCardProps } from "@docket/ui";

/** The card of every signed-out screen, under the app's name (a link home). */
export function AuthLayout(props: Omit<AuthCardProps, "brand" | "home">) {
  return <AuthCard brand="Docket" home="/" {...props} />;
}
