-- Caller search by name however it was typed: full-width or half-width Latin and kana, hiragana or katakana, any
-- case, with or without spaces. customer.search_name holds the searchable form of the name; the application sets
-- it on every insert and update of a customer (org.tehai.customer.SearchName, the same rule as below), and name
-- searches (/api/callers?q=, /api/customers?q=) fold the query the same way and compare with LIKE.

alter table customer add column search_name text;

-- The customers saved before this migration, folded in SQL by the same rule, in the same order: NFKC, hiragana to
-- katakana, lower case, spaces and the katakana middle dot removed.
update customer
   set search_name = regexp_replace(
           lower(translate(normalize(name, NFKC),
               'ぁあぃいぅうぇえぉおかがきぎくぐけげこごさざしじすずせぜそぞただちぢっつづてでとどなにぬねのはばぱひびぴふぶぷへべぺほぼぽまみむめもゃやゅゆょよらりるれろゎわゐゑをんゔゕゖゝゞ',
               'ァアィイゥウェエォオカガキギクグケゲコゴサザシジスズセゼソゾタダチヂッツヅテデトドナニヌネノハバパヒビピフブプヘベペホボポマミムメモャヤュユョヨラリルレロヮワヰヱヲンヴヵヶヽヾ')),
           '[[:space:]・]', '', 'g');

alter table customer alter column search_name set not null;

-- A "contains" search (LIKE '%sato%') needs a trigram index; pg_trgm is a trusted extension (PostgreSQL 13+), so
-- the owner of the database may create it.
create extension if not exists pg_trgm;
create index customer_search_name_trgm on customer using gin (search_name gin_trgm_ops);

-- Name searches no longer compare lower(name).
drop index if exists customer_name_lower;
