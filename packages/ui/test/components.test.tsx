// The accessibility contracts of the kit, checked on the rendered HTML (server rendering: no DOM
// emulation needed for markup-level guarantees).
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import {
  Alert,
  Button,
  EmailField,
  Field,
  Input,
  Pagination,
  PasswordField,
  Progress,
  SubmitForm,
  Table,
} from "../src/index.ts";

describe("Field", () => {
  it("ties the label, hint and error to the control", () => {
    const html = renderToStaticMarkup(
      <Field label="E-mail" hint="We never share it" error="Enter a valid address">
        {(p) => <Input {...p} />}
      </Field>,
    );
    const id = /<label for="([^"]+)"/.exec(html)?.[1];
    expect(id).toBeTruthy();
    expect(html).toContain(
      `id="${id}" aria-invalid="true" aria-describedby="${id}-hint ${id}-error"`,
    );
    expect(html).toContain(`id="${id}-error"`);
    expect(html).toContain("Enter a valid address");
  });

  it("marks nothing invalid without an error", () => {
    const html = renderToStaticMarkup(<Field label="Name">{(p) => <Input {...p} />}</Field>);
    expect(html).not.toContain("aria-invalid");
    expect(html).not.toContain("aria-describedby");
  });
});

describe("Progress", () => {
  it("exposes its value to assistive tech and clamps it", () => {
    expect(renderToStaticMarkup(<Progress value={42.4} label="Upload" />)).toContain(
      'aria-valuenow="42"',
    );
    expect(renderToStaticMarkup(<Progress value={140} label="Upload" />)).toContain(
      'aria-valuenow="100"',
    );
    expect(renderToStaticMarkup(<Progress value={-3} label="Upload" />)).toContain(
      'aria-valuenow="0"',
    );
    expect(renderToStaticMarkup(<Progress value={5} label="Upload" />)).toContain(
      'aria-label="Upload"',
    );
  });
});

describe("Button", () => {
  it("is disabled and busy while loading, and never submits by accident", () => {
    const html = renderToStaticMarkup(<Button loading>Save</Button>);
    expect(html).toContain('type="button"');
    expect(html).toContain("disabled");
    expect(html).toContain('aria-busy="true"');
  });
});

describe("Alert", () => {
  it("announces errors at once and other messages politely", () => {
    expect(renderToStaticMarkup(<Alert>Broken</Alert>)).toContain('role="alert"');
    expect(renderToStaticMarkup(<Alert tone="info">Note</Alert>)).toContain('role="status"');
  });
});

describe("Table", () => {
  it("has a caption and column headers", () => {
    const html = renderToStaticMarkup(
      <Table
        caption="People"
        rows={[{ id: "1", name: "Ada" }]}
        rowKey={(r) => r.id}
        columns={[{ key: "name", header: "Name", cell: (r) => r.name }]}
      />,
    );
    expect(html).toContain('<caption class="sr-only">People</caption>');
    expect(html).toContain('<th scope="col"');
    expect(html).toContain("Ada");
  });
});

describe("Pagination", () => {
  it("renders nothing for a single page and disables the ends", () => {
    expect(
      renderToStaticMarkup(<Pagination page={1} pageCount={1} onPageChange={() => {}} />),
    ).toBe("");
    const html = renderToStaticMarkup(
      <Pagination page={1} pageCount={3} onPageChange={() => {}} />,
    );
    expect(html).toContain("Page 1 of 3");
    expect(html.match(/disabled=""/g)?.length).toBe(1);
  });
});

describe("SubmitForm", () => {
  it("shows the last attempt's error as an alert and marks the button busy while pending", () => {
    const html = renderToStaticMarkup(
      <SubmitForm onSubmit={() => {}} submitLabel="Sign in" pending error="Wrong password">
        <EmailField value="" onChange={() => {}} />
        <PasswordField autoComplete="new-password" value="" onChange={() => {}} />
      </SubmitForm>,
    );
    expect(html).toContain('role="alert"');
    expect(html).toContain("Wrong password");
    expect(html).toContain('aria-busy="true"');
    expect(html).toContain('autoComplete="email"');
    expect(html).toContain('autoComplete="new-password"');
  });
});
