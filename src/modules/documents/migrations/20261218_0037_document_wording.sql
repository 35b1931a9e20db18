-- The authority wording of documents (issue 13): what each issuing body prints — parent and issuing body lines, the
-- symbol's abbreviation, the place, the head's title and the authority line of a decision, the legal bases (căn cứ),
-- who proposes, who carries a decision out, the recipients. An administrator edits it (document.template); a row for
-- a unit overrides the default of its kind. Texts may name the unit: {UNIT} (its name in capitals), {Unit} (as
-- written), {UNIT_PLACE} (its name without "Phường"/"Xã"/"Đặc khu"), {PARENT} (its parent's name in capitals),
-- {SHORT} (its short name, else the initials of its name).
create table document_wording (
  id bigint generated always as identity primary key,
  unit_id bigint unique references org_unit(id),
  unit_kind text unique,
  parent_body text not null default '',
  issuing_body text not null,
  body_abbrev text not null,
  place text not null,
  head_title text not null,
  authority_line text not null,
  collective_line text not null default '',
  bases jsonb not null default '[]'::jsonb,
  proposer text not null default '',
  executors text not null default '',
  recipients jsonb not null default '[]'::jsonb,
  archive text not null default 'VT',
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  check ((unit_id is null) <> (unit_kind is null))
);

-- Defaults per kind of unit, written for the demo city (Hà Nội after the 2025 reform); another city's
-- administrator edits them in the app ("Mẫu văn bản").
insert into document_wording (unit_kind, parent_body, issuing_body, body_abbrev, place, head_title, authority_line, bases, proposer, executors, recipients, archive) values
('city_committee', '', '{UNIT}', 'UBND', 'Hà Nội', 'CHỦ TỊCH', 'CHỦ TỊCH {UNIT}',
 '["Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025", "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022", "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng", "Căn cứ Quyết định số 32/2024/QĐ-UBND ngày 16 tháng 5 năm 2024 của Ủy ban nhân dân Thành phố ban hành Quy định về công tác thi đua, khen thưởng"]'::jsonb,
 'Theo đề nghị của Giám đốc Sở Nội vụ',
 'Chánh Văn phòng Ủy ban nhân dân Thành phố, Giám đốc Sở Nội vụ, Thủ trưởng các cơ quan, đơn vị có liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này',
 '["Như Điều 3", "Ban Thi đua - Khen thưởng Thành phố"]'::jsonb, 'VT, SNV'),
('department', 'UBND THÀNH PHỐ HÀ NỘI', '{UNIT}', '{SHORT}', 'Hà Nội', 'GIÁM ĐỐC', 'GIÁM ĐỐC {UNIT}',
 '["Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022", "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng"]'::jsonb,
 'Theo đề nghị của Hội đồng Thi đua - Khen thưởng {Unit}',
 'Chánh Văn phòng, Trưởng các phòng, đơn vị thuộc {Unit} và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này',
 '["Như Điều 3"]'::jsonb, 'VT, VP'),
('ward', '', 'ỦY BAN NHÂN DÂN {UNIT}', 'UBND', '{UNIT_PLACE}', 'CHỦ TỊCH', 'CHỦ TỊCH ỦY BAN NHÂN DÂN {UNIT}',
 '["Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025", "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022", "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng"]'::jsonb,
 'Theo đề nghị của Hội đồng Thi đua - Khen thưởng {Unit}',
 'Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân, Thủ trưởng các cơ quan, đơn vị có liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này',
 '["Như Điều 3"]'::jsonb, 'VT'),
('commune', '', 'ỦY BAN NHÂN DÂN {UNIT}', 'UBND', '{UNIT_PLACE}', 'CHỦ TỊCH', 'CHỦ TỊCH ỦY BAN NHÂN DÂN {UNIT}',
 '["Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025", "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022", "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng"]'::jsonb,
 'Theo đề nghị của Hội đồng Thi đua - Khen thưởng {Unit}',
 'Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân, Thủ trưởng các cơ quan, đơn vị có liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này',
 '["Như Điều 3"]'::jsonb, 'VT');

-- Every other kind (district, public service unit, enterprise, mass organisation, party body, other): the unit under
-- its parent, its head "THỦ TRƯỞNG ĐƠN VỊ" until an administrator names the title.
insert into document_wording (unit_kind, parent_body, issuing_body, body_abbrev, place, head_title, authority_line, bases, proposer, executors, recipients, archive)
select k, '{PARENT}', '{UNIT}', '{SHORT}', 'Hà Nội', 'THỦ TRƯỞNG ĐƠN VỊ', 'THỦ TRƯỞNG {UNIT}',
       '["Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022", "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng"]'::jsonb,
       'Theo đề nghị của Hội đồng Thi đua - Khen thưởng {Unit}',
       'Các phòng, bộ phận thuộc {Unit} và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này',
       '["Như Điều 3"]'::jsonb, 'VT'
  from unnest(array['district', 'public_service_unit', 'enterprise', 'mass_organisation', 'party_body', 'other']) k;
