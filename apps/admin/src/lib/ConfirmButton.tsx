import { Button, type ButtonProps, Dialog } from "@docket/ui";
import { type ReactNode, useState } from "react";

interface ConfirmButtonProps extends Omit<ButtonProps, "onClick"> {
  /** Title of the confirmation dialog, e.g. "Delete this user?". */
  title: string;
  /** What will happen, in words; shown in the dialog. */
  description: ReactNode;
  /** Label of the button that goes ahead. */
  confirmLabel: string;
  onConfirm: () => void;
}

/** A button that asks first: for actions that cannot be taken back, or that affect many. */
export function ConfirmButton({
  title,
  description,
  confirmLabel,
  onConfirm,
  variant = "secondary",
  ...rest
}: ConfirmButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant={variant} onClick={() => setOpen(true)} {...rest} />
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={title}
        footer={
          <>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Keep as is
            </Button>
            <Button
              variant={variant === "danger" ? "danger" : "primary"}
              onClick={() => {
                setOpen(false);
                onConfirm();
              }}
            >
              {confirmLabel}
            </Button>
          </>
        }
      >
        {description}
      </Dialog>
    </>
  );
}
