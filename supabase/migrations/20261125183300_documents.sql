-- A document is pasted text or one uploaded file (bytes in the private `documents` bucket at
-- <owner_id>/<document_id>/<file_name>). Rows are created only by public.create_document, which
-- also enqueues processing in the same transaction.
create table public.documents (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  title text not null check (char_length(title) between 1 and 200),
  source text not null check (source in ('text', 'file')),
  file_name text check (file_name is null or char_length(file_name) between 1 and 255),
  mime_type text check (mime_type is null or char_length(mime_type) <= 255),
  size_bytes bigint check (size_bytes is null or size_bytes >= 0),
  storage_path text,
  text_content text,
  status text not null default 'queued'
    check (status in ('queued', 'processing', 'ready', 'failed')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint documents_source_shape check (
    (source = 'text' and text_content is not null and storage_path is null)
    or (source = 'file' and storage_path is not null and file_name is not null)
  )
);
comment on table public.documents is 'User documents; the owner reads, renames and deletes them.';

create index documents_owner_created_idx on public.documents (owner_id, created_at desc);

alter table public.documents enable row level security;

create policy documents_select_own on public.documents
  for select to authenticated
  using (owner_id = (select auth.uid()));

create policy documents_update_own on public.documents
  for update to authenticated
  using (owner_id = (select auth.uid()))
  with check (owner_id = (select auth.uid()));

create policy documents_delete_own on public.documents
  for delete to authenticated
  using (owner_id = (select auth.uid()));

revoke all on table public.documents from anon, authenticated;
grant all on table public.documents to service_role;
grant select, delete on table public.documents to authenticated;
grant update (title) on table public.documents to authenticated;

create trigger documents_set_updated_at
  before update on public.documents
  for each row execute function app_private.tg_set_updated_at();
