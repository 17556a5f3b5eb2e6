-- Functions the Data API exposes to signed-in users. They run as definer (users have no insert
-- rights on documents or jobs) and therefore check everything themselves.

-- Creates a document and enqueues its processing in one transaction. For a file, the bytes must
-- already be in the `documents` bucket at <caller>/<p_id>/<p_file_name>, uploaded with the
-- caller's own token so Storage RLS applied; size and type are taken from the stored object.
create function public.create_document(
  p_title text,
  p_source text,
  p_text_content text default null,
  p_id uuid default null,
  p_file_name text default null,
  p_request_id text default null
) returns public.documents
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_title text := pg_catalog.btrim(coalesce(p_title, ''));
  v_id uuid := coalesce(p_id, pg_catalog.gen_random_uuid());
  v_path text;
  v_object storage.objects;
  v_document public.documents;
begin
  if v_uid is null then
    raise sqlstate 'PT401' using message = 'Sign in first';
  end if;
  if pg_catalog.char_length(v_title) not between 1 and 200 then
    raise sqlstate 'PT400' using message = 'title must be 1 to 200 characters';
  end if;

  if p_source = 'text' then
    if p_text_content is null or pg_catalog.char_length(p_text_content) not between 1 and 1000000 then
      raise sqlstate 'PT400' using message = 'text_content must be 1 to 1000000 characters';
    end if;
    if p_file_name is not null then
      raise sqlstate 'PT400' using message = 'A pasted text document has no file';
    end if;
    insert into public.documents (id, owner_id, title, source, text_content, size_bytes, mime_type)
    values (v_id, v_uid, v_title, 'text', p_text_content, pg_catalog.octet_length(p_text_content),
            'text/plain')
    returning * into v_document;
  elsif p_source = 'file' then
    if p_id is null or p_file_name is null or p_file_name ~ '[/\\]'
       or pg_catalog.char_length(p_file_name) not between 1 and 255 then
      raise sqlstate 'PT400' using message = 'A file document needs its id and a plain file name';
    end if;
    v_path := v_uid::text || '/' || v_id::text || '/' || p_file_name;
    select * into v_object from storage.objects where bucket_id = 'documents' and name = v_path;
    if not found then
      raise sqlstate 'PT400' using message = 'Upload the file before creating the document';
    end if;
    insert into public.documents (
      id, owner_id, title, source, file_name, mime_type, size_bytes, storage_path
    ) values (
      v_id, v_uid, v_title, 'file', p_file_name,
      v_object.metadata ->> 'mimetype',
      (v_object.metadata ->> 'size')::bigint,
      v_path
    )
    returning * into v_document;
  else
    raise sqlstate 'PT400' using message = 'source must be text or file';
  end if;

  perform app_private.enqueue_job(
    v_uid, 'document__process', pg_catalog.jsonb_build_object('documentId', v_id),
    v_id, p_request_id, 5
  );
  return v_document;
end;
$$;

-- Re-queues a failed job of the caller (or, with the secret key, a failed or cancelled job of
-- anyone).
create function public.retry_job(p_job_id uuid) returns public.jobs
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_job public.jobs := app_private.lock_job_for_caller(p_job_id);
begin
  if v_job.status = 'failed' or (v_job.status = 'cancelled' and app_private.is_service_role()) then
    return app_private.requeue_job(v_job);
  end if;
  raise sqlstate 'PT409' using message = 'Only a failed job can be retried',
    detail = 'status: ' || v_job.status;
end;
$$;

-- Cancels a job of the caller (or anyone's, with the secret key). A queued job leaves the queue
-- at once; a running one is asked to stop and the worker ends it at its next step boundary.
create function public.cancel_job(p_job_id uuid) returns public.jobs
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_job public.jobs := app_private.lock_job_for_caller(p_job_id);
begin
  if v_job.status = 'queued' then
    perform graphile_worker.remove_job(v_job.id::text);
    update public.jobs
    set status = 'cancelled', cancel_requested_at = pg_catalog.now(), finished_at = pg_catalog.now()
    where id = v_job.id
    returning * into v_job;
    if v_job.kind = 'document__process' and v_job.document_id is not null then
      update public.documents set status = 'failed'
      where id = v_job.document_id and status = 'queued';
    end if;
    return v_job;
  elsif v_job.status = 'running' then
    update public.jobs
    set cancel_requested_at = coalesce(cancel_requested_at, pg_catalog.now())
    where id = v_job.id
    returning * into v_job;
    return v_job;
  end if;
  raise sqlstate 'PT409' using message = 'Only a queued or running job can be cancelled',
    detail = 'status: ' || v_job.status;
end;
$$;

revoke execute on function public.create_document(text, text, text, uuid, text, text) from public, anon;
revoke execute on function public.retry_job(uuid) from public, anon;
revoke execute on function public.cancel_job(uuid) from public, anon;
grant execute on function public.create_document(text, text, text, uuid, text, text) to authenticated;
grant execute on function public.retry_job(uuid) to authenticated, service_role;
grant execute on function public.cancel_job(uuid) to authenticated, service_role;
