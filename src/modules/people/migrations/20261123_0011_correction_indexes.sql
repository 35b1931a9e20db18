-- Corrections are rare rows naming the row they correct. Reading "the rows nobody corrected" for a batch of people
-- probes these small partial indexes instead of scanning every row of the batch's people a second time.
create index person_year_rating_corrects_idx on person_year_rating (corrects_id) where corrects_id is not null;
create index person_title_corrects_idx on person_title (corrects_id) where corrects_id is not null;
create index unit_title_corrects_idx on unit_title (corrects_id) where corrects_id is not null;
create index unit_year_rating_corrects_idx on unit_year_rating (corrects_id) where corrects_id is not null;
