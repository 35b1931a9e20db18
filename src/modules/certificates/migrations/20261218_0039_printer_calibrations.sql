-- Printer calibrations for the pre-printed blanks (phôi): how far a given printer shifts the fields of one blank
-- type (mm, right and down positive), kept per unit that prints. Versioned; every change audited.
create table printer_calibration (
  id bigint generated always as identity primary key,
  owner_unit_id bigint not null references org_unit(id),
  printer text not null check (length(printer) between 1 and 120),
  blank_code text not null,
  offset_x_mm numeric(6, 2) not null default 0 check (offset_x_mm between -100 and 100),
  offset_y_mm numeric(6, 2) not null default 0 check (offset_y_mm between -100 and 100),
  note text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index printer_calibration_uidx on printer_calibration (owner_unit_id, printer, blank_code);
