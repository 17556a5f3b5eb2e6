/** Every e-mail the stack sends (Auth, and the app's own notifications through SMTP) lands here. */
export interface MailMessage {
  id: string;
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  /** ISO timestamp. */
  receivedAt: string;
}

export interface Mailbox {
  deliver(message: Omit<MailMessage, "id" | "receivedAt">): Promise<MailMessage>;
  list(filter?: { to?: string }): Promise<MailMessage[]>;
  get(id: string): Promise<MailMessage | undefined>;
  remove(id: string): Promise<boolean>;
  clear(): Promise<void>;
}
