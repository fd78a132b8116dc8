-- A note Tehai writes itself keeps what happened as data besides its English text, so that pages can say it in the
-- reader's language: which note (note_key) and its values (note_params, a JSON object of strings). Contacts an agent
-- typed, and rows written before, have neither and are shown as written.
alter table contact add column note_key varchar(40);
alter table contact add column note_params text;
