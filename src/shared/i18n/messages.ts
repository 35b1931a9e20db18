import type { ErrorCode, FieldIssue } from '../errors.ts';

/**
 * User-facing messages shared by the server (error bodies) and the web app, so the
 * Vietnamese and English texts live in one place.
 */
export type Locale = 'vi' | 'en';

type Template = (p: Record<string, unknown>) => string;
const t = (s: string): Template => (p) => s.replace(/\{(\w+)\}/g, (_, k) => String(p[k] ?? ''));

export const ERROR_MESSAGES: Record<Locale, Record<ErrorCode, Template>> = {
  vi: {
    VALIDATION_FAILED: t('Dữ liệu không hợp lệ: {summary}'),
    MALFORMED_JSON: t('Nội dung gửi lên không phải JSON hợp lệ.'),
    MALFORMED_URL: t('Địa chỉ (URL) không hợp lệ.'),
    UNSUPPORTED_MEDIA_TYPE: t('Kiểu nội dung không được hỗ trợ.'),
    PAYLOAD_TOO_LARGE: t('Dữ liệu hoặc tệp gửi lên quá lớn (tối đa {limit}).'),
    UNAUTHENTICATED: t('Bạn cần đăng nhập.'),
    LOGIN_FAILED: t('Tên đăng nhập hoặc mật khẩu không đúng.'),
    ACCOUNT_LOCKED: t('Tài khoản tạm khóa do đăng nhập sai nhiều lần, thử lại sau {minutes} phút.'),
    ACCOUNT_DISABLED: t('Tài khoản đã bị vô hiệu hóa.'),
    PASSWORD_TOO_WEAK: t('Mật khẩu chưa đạt yêu cầu: {why}. Mật khẩu cần ít nhất {min} ký tự, khó đoán, không chứa tên đăng nhập.'),
    PASSWORD_WRONG: t('Mật khẩu hiện tại không đúng.'),
    PASSWORD_CHANGE_REQUIRED: t('Bạn cần đổi mật khẩu trước khi sử dụng hệ thống.'),
    MFA_ENROLMENT_REQUIRED: t('Tài khoản của bạn phải bật xác thực hai lớp trước khi sử dụng hệ thống.'),
    MFA_CODE_WRONG: t('Mã xác thực không đúng hoặc đã được dùng.'),
    MFA_CHALLENGE_EXPIRED: t('Phiên xác thực đã hết hạn, hãy đăng nhập lại.'),
    MFA_STATE: t('Xác thực hai lớp đang ở trạng thái không cho phép thao tác này; hãy tải lại trang.'),
    FORBIDDEN: t('Bạn không có quyền thực hiện thao tác này.'),
    ORIGIN_MISMATCH: t('Yêu cầu bị từ chối vì không xuất phát từ trang của hệ thống.'),
    NOT_FOUND: t('Không tìm thấy dữ liệu.'),
    VERSION_CONFLICT: t('Bản ghi đã được người khác sửa ({fields}). Hãy tải lại và sửa lại.'),
    DUPLICATE_NATIONAL_ID: t('Số CCCD {nationalId} đã được dùng cho người khác.'),
    DUPLICATE_CODE: t('Mã đơn vị {code} đã tồn tại.'),
    DUPLICATE_USERNAME: t('Tên đăng nhập {username} đã tồn tại.'),
    INVALID_NATIONAL_ID: t('Số CCCD {nationalId} không hợp lệ: {reason}.'),
    PERSONAL_DATA_MASKED: t('Số CCCD {nationalId} đang ở dạng che (có dấu *) nên không lưu được; hãy nhập đủ 12 chữ số hoặc giữ nguyên số cũ.'),
    ORG_CYCLE: t('Không thể chuyển đơn vị vào dưới chính nó hoặc đơn vị cấp dưới của nó.'),
    ORG_DATE_INVALID: t('Ngày hiệu lực không hợp lệ: {reason}.'),
    ORG_NOT_ACTIVE: t('Đơn vị {code} không hoạt động vào ngày {date} (chưa thành lập hoặc đã giải thể).'),
    ORG_MERGE_INVALID: t('Không thể sáp nhập/chia tách: {reason}.'),
    ORG_NOT_EMPTY: t('Đơn vị {code} còn {children} đơn vị trực thuộc và {people} người đang công tác; hãy chuyển đi trước khi giải thể.'),
    EMPLOYMENT_OVERLAP: t('Quá trình công tác bị chồng lấn thời gian.'),
    IMPORT_INVALID: t('Tệp nhập có {count} lỗi; chưa có dữ liệu nào được ghi.'),
    IMPORT_FILE_UNREADABLE: t('Không đọc được tệp Excel: {reason}.'),
    IMPORT_STATE: t('Không thể ghi lượt nhập này: {state}'),
    BACKUP_UNAVAILABLE: t('Không sao lưu/khôi phục được: {tool} báo lỗi: {reason}'),
    UNKNOWN_AWARD: t('Không có danh hiệu, hình thức khen thưởng mã "{award}" trong danh mục.'),
    NO_RULE_SET: t('Chưa có bộ quy định nào có hiệu lực vào ngày {asOf} (Luật Thi đua, khen thưởng 2022 áp dụng từ 01/01/2024).'),
    AWARD_ALREADY_RECORDED: t('{name} đã có "{awardName}" cho thời kỳ {period}; không ghi trùng.'),
    DECISION_STATE: t('Quyết định đang ở trạng thái "{status}": chỉ dự thảo mới được sửa, ban hành hoặc hủy; số đã cấp không bao giờ cấp lại.'),
    DECISION_INVALID: t('Quyết định chưa hợp lệ ở trường {field}: {reason}.'),
    COUNCIL_STATE: t('Phiên họp Hội đồng đang ở trạng thái "{status}" nên không thể thực hiện thao tác này (ghi phiếu, điểm danh chỉ khi phiên còn mở; phiên đã đóng không mở lại).'),
    REVIEW_EXISTS: t('Đơn vị đã có đợt bình xét năm {year} (mã {reviewId}); mở đợt đó thay vì tạo mới.'),
    REVIEW_STATE: t('Đợt bình xét đang ở trạng thái "{status}": {reason}.'),
    REVIEW_INVALID: t('Đợt bình xét không hợp lệ ở trường {field}: {reason}.'),
    COUNCIL_INVALID: t('Phiên họp Hội đồng chưa hợp lệ ở trường {field}: {reason}.'),
    COUNCIL_ALREADY_VOTED: t('Bạn đã bỏ phiếu trong phiên họp này; mỗi thành viên chỉ bỏ một phiếu.'),
    COUNCIL_NOT_MEMBER: t('Bạn không phải thành viên có mặt của Hội đồng trong phiên họp này nên không thể bỏ phiếu.'),
    DOSSIER_ACTION_NOT_ALLOWED: t('Không thể thực hiện bước "{action}" khi hồ sơ đang ở trạng thái "{state}".'),
    DOSSIER_ACTION_FORBIDDEN: t('Bạn không có quyền thực hiện bước "{action}" ở cấp {level} của hồ sơ này (cần quyền {permission}).'),
    DOSSIER_GUARD_FAILED: t('Chưa đủ điều kiện để thực hiện bước "{action}": {guard}.'),
    DOSSIER_DUPLICATE_NOMINEE: t('{name} đã có trong hồ sơ đề nghị "{award}" số {dossierId} đang xử lý tại {holderUnitName} (trạng thái {state}).'),
    DOSSIER_NOT_EDITABLE: t('Hồ sơ đang ở trạng thái "{state}", chỉ sửa được khi là dự thảo hoặc bị trả lại.'),
    DOSSIER_PART_NOT_PDF: t('Tệp "{fileName}" không phải tệp PDF hợp lệ ({check}); chỉ nhận tệp PDF.'),
    EVALUATION_STATE: t('Phiếu đánh giá đang ở bước "{status}" nên không thể thực hiện bước "{action}".'),
    EVALUATION_EXISTS: t('Đối tượng này đã có phiếu đánh giá, xếp loại năm {year}.'),
    EVALUATION_NO_SCHEME: t('Chưa có quy định đánh giá, xếp loại nào áp dụng cho năm {year} với đối tượng này.'),
    EVALUATION_CAP_EXCEEDED: t('Vượt tỷ lệ Hoàn thành xuất sắc nhiệm vụ trong nhóm "{peerGroup}" của {unitName} năm {year}: {excellent} được xếp loại xuất sắc, tối đa {max} ({pct}% của {base} {baseLabel}). Căn cứ: {basis}.'),
    REGISTRATION_STATE: t('Bản đăng ký thi đua đang ở trạng thái "{status}" nên không thể thực hiện bước "{action}".'),
    CALENDAR_DAY_EXISTS: t('Ngày {date} đã có trong lịch ({name}); xóa ngày đó trước nếu muốn đổi.'),
    CALENDAR_DAY_KIND_MISMATCH: t('Ngày {date} không hợp với loại ngày đã chọn: ngày nghỉ (lễ, Tết, nghỉ bù) phải rơi vào thứ Hai đến thứ Sáu, ngày làm bù phải rơi vào thứ Bảy hoặc Chủ nhật.'),
    RATE_LIMITED: t('Quá nhiều yêu cầu, vui lòng thử lại sau.'),
    INTERNAL: t('Lỗi hệ thống. Vui lòng thử lại hoặc báo quản trị viên.'),
  },
  en: {
    VALIDATION_FAILED: t('Invalid data: {summary}'),
    MALFORMED_JSON: t('The request body is not valid JSON.'),
    MALFORMED_URL: t('The address (URL) is not valid.'),
    UNSUPPORTED_MEDIA_TYPE: t('Unsupported content type.'),
    PAYLOAD_TOO_LARGE: t('The data or file is too large (at most {limit}).'),
    UNAUTHENTICATED: t('Please sign in.'),
    LOGIN_FAILED: t('Wrong username or password.'),
    ACCOUNT_LOCKED: t('Account locked after repeated failed sign-ins; try again in {minutes} minutes.'),
    ACCOUNT_DISABLED: t('This account is disabled.'),
    PASSWORD_TOO_WEAK: t('The password is not acceptable: {why}. A password needs at least {min} characters, must be hard to guess and must not contain the username.'),
    PASSWORD_WRONG: t('The current password is wrong.'),
    PASSWORD_CHANGE_REQUIRED: t('You must change your password before using the system.'),
    MFA_ENROLMENT_REQUIRED: t('Your account must turn on two-factor sign-in before using the system.'),
    MFA_CODE_WRONG: t('The verification code is wrong or was already used.'),
    MFA_CHALLENGE_EXPIRED: t('The sign-in step has expired; sign in again.'),
    MFA_STATE: t('Two-factor sign-in is not in a state that allows this; reload the page.'),
    FORBIDDEN: t('You are not allowed to do this.'),
    ORIGIN_MISMATCH: t('Request refused: it did not come from this site.'),
    NOT_FOUND: t('Not found.'),
    VERSION_CONFLICT: t('Someone else changed this record ({fields}). Reload and edit again.'),
    DUPLICATE_NATIONAL_ID: t('National ID {nationalId} is already used by another person.'),
    DUPLICATE_CODE: t('Unit code {code} already exists.'),
    DUPLICATE_USERNAME: t('Username {username} already exists.'),
    INVALID_NATIONAL_ID: t('National ID {nationalId} is invalid: {reason}.'),
    PERSONAL_DATA_MASKED: t('National ID {nationalId} is masked (it holds *) and cannot be saved; enter all 12 digits or keep the old number.'),
    ORG_CYCLE: t('A unit cannot be moved under itself or one of its descendants.'),
    ORG_DATE_INVALID: t('Invalid effective date: {reason}.'),
    ORG_NOT_ACTIVE: t('Unit {code} is not active on {date} (not yet established or dissolved).'),
    ORG_MERGE_INVALID: t('Cannot merge/split: {reason}.'),
    ORG_NOT_EMPTY: t('Unit {code} still has {children} sub-units and {people} people; move them before dissolving.'),
    EMPLOYMENT_OVERLAP: t('Employment periods overlap.'),
    IMPORT_INVALID: t('The file has {count} errors; nothing was written.'),
    IMPORT_FILE_UNREADABLE: t('Cannot read the Excel file: {reason}.'),
    IMPORT_STATE: t('This import cannot be applied: {state}'),
    BACKUP_UNAVAILABLE: t('Backup/restore is not possible: {tool}: {reason}'),
    UNKNOWN_AWARD: t('There is no title or form with code "{award}" in the catalogue.'),
    NO_RULE_SET: t('No rule set is in force on {asOf} (the 2022 Law applies from 1 Jan 2024).'),
    AWARD_ALREADY_RECORDED: t('{name} already holds "{awardName}" for {period}; not recorded twice.'),
    DECISION_STATE: t('The decision is "{status}": only a draft can be edited, issued or discarded; a number once given is never given again.'),
    DECISION_INVALID: t('The decision is not valid in field {field}: {reason}.'),
    COUNCIL_STATE: t('The council session is "{status}", so this cannot be done (ballots and attendance only while it is open; a closed session does not reopen).'),
    REVIEW_EXISTS: t('The unit already has a review for {year} (id {reviewId}); open it instead of creating another.'),
    REVIEW_STATE: t('The review is "{status}": {reason}.'),
    REVIEW_INVALID: t('The review is invalid in field {field}: {reason}.'),
    COUNCIL_INVALID: t('The council session is not valid in field {field}: {reason}.'),
    COUNCIL_ALREADY_VOTED: t('You have already voted in this session; each member votes once.'),
    COUNCIL_NOT_MEMBER: t('You are not a present member of this council session, so you cannot vote.'),
    DOSSIER_ACTION_NOT_ALLOWED: t('The step "{action}" is not possible while the dossier is "{state}".'),
    DOSSIER_ACTION_FORBIDDEN: t('You may not take the step "{action}" at the {level} level of this dossier (it needs {permission}).'),
    DOSSIER_GUARD_FAILED: t('The step "{action}" is not possible yet: {guard}.'),
    DOSSIER_DUPLICATE_NOMINEE: t('{name} is already proposed for "{award}" in dossier {dossierId}, pending at {holderUnitName} ({state}).'),
    DOSSIER_NOT_EDITABLE: t('The dossier is "{state}"; it can be changed only as a draft or when returned.'),
    DOSSIER_PART_NOT_PDF: t('The file "{fileName}" is not a valid PDF ({check}); only PDF files are accepted.'),
    EVALUATION_STATE: t('The evaluation is at step "{status}", so "{action}" is not possible.'),
    EVALUATION_EXISTS: t('This subject already has an evaluation for {year}.'),
    EVALUATION_NO_SCHEME: t('No rating scheme applies to this subject for {year}.'),
    EVALUATION_CAP_EXCEEDED: t('Too many rated excellent in peer group "{peerGroup}" of {unitName} for {year}: {excellent} excellent, at most {max} ({pct}% of {base} {baseLabel}). Basis: {basis}.'),
    REGISTRATION_STATE: t('The registration is "{status}", so "{action}" is not possible.'),
    CALENDAR_DAY_EXISTS: t('{date} is already in the calendar ({name}); remove it first to change it.'),
    CALENDAR_DAY_KIND_MISMATCH: t('{date} does not fit the kind chosen: a day off (holiday, compensatory day) must fall Monday to Friday, a make-up working day on Saturday or Sunday.'),
    RATE_LIMITED: t('Too many requests, please try again later.'),
    INTERNAL: t('System error. Please try again or tell the administrator.'),
  },
};

/** Why a password was refused (details.reason of PASSWORD_TOO_WEAK). */
export const PASSWORD_REASONS: Record<Locale, Record<string, string>> = {
  vi: {
    too_short: 'quá ngắn', guessable: 'quá dễ đoán (lặp ký tự, dãy phím, từ hoặc ngày tháng thông dụng)',
    contains_username: 'chứa tên đăng nhập', reused: 'trùng với mật khẩu hiện tại',
  },
  en: {
    too_short: 'too short', guessable: 'too easy to guess (repeats, keyboard runs, common words or dates)',
    contains_username: 'contains the username', reused: 'same as the current password',
  },
};

/** Names of fields and import columns, for messages that name the field. */
export const FIELD_LABELS: Record<Locale, Record<string, string>> = {
  vi: {
    nationalId: 'Số CCCD', fullName: 'Họ và tên', gender: 'Giới tính', birthDate: 'Ngày sinh',
    unitCode: 'Mã đơn vị', code: 'Mã đơn vị', name: 'Tên đơn vị', shortName: 'Tên viết tắt', kind: 'Loại đơn vị',
    parentCode: 'Mã đơn vị cấp trên', parentId: 'Đơn vị cấp trên', establishedOn: 'Ngày thành lập',
    position: 'Chức vụ', category: 'Đối tượng', isLeader: 'Lãnh đạo, quản lý', fromDate: 'Từ ngày', toDate: 'Đến ngày',
    effectiveOn: 'Ngày hiệu lực', username: 'Tên đăng nhập', password: 'Mật khẩu', newPassword: 'Mật khẩu mới',
    displayName: 'Tên hiển thị', role: 'Vai trò', orgUnitId: 'Đơn vị', version: 'Phiên bản', body: 'Nội dung',
  },
  en: {
    nationalId: 'National ID', fullName: 'Full name', gender: 'Gender', birthDate: 'Birth date',
    unitCode: 'Unit code', code: 'Unit code', name: 'Unit name', shortName: 'Short name', kind: 'Unit kind',
    parentCode: 'Parent unit code', parentId: 'Parent unit', establishedOn: 'Established on',
    position: 'Position', category: 'Category', isLeader: 'Leader/manager', fromDate: 'From', toDate: 'To',
    effectiveOn: 'Effective on', username: 'Username', password: 'Password', newPassword: 'New password',
    displayName: 'Display name', role: 'Role', orgUnitId: 'Unit', version: 'Version', body: 'Body',
  },
};

export const RULE_MESSAGES: Record<Locale, Record<string, Template>> = {
  vi: {
    required: t('bắt buộc nhập'),
    invalid_type: t('sai kiểu dữ liệu'),
    unknown_field: t('trường không được chấp nhận'),
    too_long: t('dài quá {max} ký tự'),
    too_short: t('ngắn hơn {min} ký tự'),
    invalid_value: t('giá trị không hợp lệ{allowed}'),
    invalid_date: t('ngày không hợp lệ (định dạng YYYY-MM-DD hoặc DD/MM/YYYY)'),
    cccd_format: t('phải gồm đúng 12 chữ số'),
    cccd_province: t('3 số đầu không phải mã tỉnh hợp lệ'),
    cccd_gender_century: t('số thứ 4–6 không khớp giới tính/năm sinh'),
    cccd_duplicate_in_file: t('trùng với dòng {otherRow} trong tệp'),
    cccd_taken: t('đã được dùng cho người khác'),
    personal_data_masked: t('đang ở dạng che (có dấu *); hãy nhập đủ 12 chữ số, hoặc xuất lại tệp bằng tài khoản được xem số đầy đủ'),
    code_duplicate_in_file: t('trùng với dòng {otherRow} trong tệp'),
    unit_unknown: t('không tìm thấy đơn vị có mã {code}'),
    unit_out_of_scope: t('đơn vị {code} nằm ngoài phạm vi quản lý của bạn'),
    parent_cycle: t('đơn vị cấp trên tạo thành vòng lặp'),
    date_order: t('phải sau ngày bắt đầu'),
    future_date: t('không được ở tương lai'),
    invalid_format: t('sai định dạng'),
    control_characters: t('chứa ký tự điều khiển (ví dụ ký tự NUL) không được phép'),
    line_break: t('không được xuống dòng hoặc chứa ký tự tab'),
    malformed_text: t('chứa ký tự Unicode hỏng (nửa cặp ký tự thay thế)'),
    // Excel imports
    column_missing: t('thiếu cột bắt buộc trong dòng tiêu đề (hãy dùng tệp mẫu)'),
    after_birth_date: t('phải sau ngày sinh'),
    person_out_of_scope: t('người này đang công tác tại đơn vị ngoài phạm vi quản lý của bạn'),
    unit_dissolved: t('đơn vị {code} đã giải thể từ ngày {date}'),
    unit_not_active_on: t('đơn vị {code} chỉ được thành lập từ ngày {date}'),
    employment_date: t('phải sau ngày bắt đầu của vị trí công tác hiện tại ({date})'),
    after_from_date: t('phải sau cột Từ ngày'),
    ended_employment_differs: t('chỉ điền khi đúng là vị trí công tác cuối cùng đã kết thúc của người này (như tệp xuất); không tạo hay sửa vị trí đã kết thúc qua tệp nhập'),
    root_forbidden: t('bạn chỉ được tạo đơn vị trực thuộc đơn vị trong phạm vi quản lý; hãy nhập mã đơn vị cấp trên'),
    parent_not_active: t('đơn vị cấp trên {code} chưa được thành lập vào ngày {date}'),
    kind_historical: t('loại đơn vị này chỉ còn trong lịch sử (trước 01/7/2025), không dùng cho đơn vị mới'),
    immutable_field: t('không thay đổi được qua tệp nhập (giá trị hiện tại: {current})'),
    change_too_soon: t('đơn vị đã có thay đổi từ ngày {date}; chỉ đổi tên/chuyển được sau ngày đó'),
    // Evaluations: score sheets and the ratings import
    score_range: t('điểm phải từ 0 đến {max}'),
    unknown_criterion: t('không có tiêu chí này trong phiếu chấm điểm'),
    unknown_veto: t('không phải trường hợp xếp loại không hoàn thành nhiệm vụ của quy định này ({veto})'),
    scheme_has_no_sheet: t('quy định {scheme} không chấm điểm; hãy chọn mức xếp loại'),
    rating_not_band: t('không khớp điểm {score} (mức theo điểm: {band})'),
    person_without_unit: t('người này không có vị trí công tác'),
    person_unknown: t('không có người nào mang số CCCD này trong hệ thống'),
    name_mismatch: t('không khớp họ tên đã lưu của người mang số CCCD này ({stored})'),
    rating_duplicate_in_file: t('người này đã có xếp loại năm {year} ở dòng {otherRow} trong tệp'),
    year_range: t('năm phải từ {min} đến {max}'),
    subject_out_of_scope: t('người hoặc đơn vị này nằm ngoài phạm vi quản lý của bạn'),
    too_many_rows: t('tệp có quá {max} dòng; hãy chia thành nhiều tệp'),
  },
  en: {
    required: t('is required'),
    invalid_type: t('has the wrong type'),
    unknown_field: t('is not an accepted field'),
    too_long: t('is longer than {max} characters'),
    too_short: t('is shorter than {min} characters'),
    invalid_value: t('has an invalid value{allowed}'),
    invalid_date: t('is not a valid date (YYYY-MM-DD or DD/MM/YYYY)'),
    cccd_format: t('must be exactly 12 digits'),
    cccd_province: t('first 3 digits are not a valid province code'),
    cccd_gender_century: t('digits 4–6 do not match gender/birth year'),
    cccd_duplicate_in_file: t('duplicates row {otherRow} of the file'),
    cccd_taken: t('is already used by another person'),
    personal_data_masked: t('is masked (holds *); enter all 12 digits, or export the file again with an account that may see full numbers'),
    code_duplicate_in_file: t('duplicates row {otherRow} of the file'),
    unit_unknown: t('no unit has code {code}'),
    unit_out_of_scope: t('unit {code} is outside your scope'),
    parent_cycle: t('parent makes a cycle'),
    date_order: t('must be after the start date'),
    future_date: t('must not be in the future'),
    invalid_format: t('has an invalid format'),
    control_characters: t('holds control characters (such as NUL) that are not allowed'),
    line_break: t('must be one line without tabs'),
    malformed_text: t('holds a broken Unicode character (half of a surrogate pair)'),
    // Excel imports
    column_missing: t('is a required column missing from the header row (use the template)'),
    after_birth_date: t('must be after the birth date'),
    person_out_of_scope: t('this person works in a unit outside your scope'),
    unit_dissolved: t('unit {code} was dissolved on {date}'),
    unit_not_active_on: t('unit {code} exists only from {date}'),
    employment_date: t('must be after the start of the current position ({date})'),
    after_from_date: t('must be after the From date column'),
    ended_employment_differs: t("only for this person's last, ended position exactly as stored (as an export writes it); ended positions are not created or changed by an import"),
    root_forbidden: t('you may only create units under a unit in your scope; enter the parent unit code'),
    parent_not_active: t('parent unit {code} does not exist yet on {date}'),
    kind_historical: t('this unit kind is historical only (before 1 Jul 2025) and cannot be used for new units'),
    immutable_field: t('cannot be changed by an import (current value: {current})'),
    change_too_soon: t('the unit changed on {date}; it can be renamed or moved only after that date'),
    // Evaluations: score sheets and the ratings import
    score_range: t('the score must be between 0 and {max}'),
    unknown_criterion: t('is not a criterion of the score sheet'),
    unknown_veto: t('is not a disqualifying breach of this scheme ({veto})'),
    scheme_has_no_sheet: t('scheme {scheme} has no points; choose a rating'),
    rating_not_band: t('does not match the score {score} (its band: {band})'),
    person_without_unit: t('this person has no position'),
    person_unknown: t('no person has this national ID'),
    name_mismatch: t('does not match the stored name of the person with this national ID ({stored})'),
    rating_duplicate_in_file: t('this person already has a rating for {year} on row {otherRow} of the file'),
    year_range: t('the year must be between {min} and {max}'),
    subject_out_of_scope: t('this person or unit is outside your scope'),
    too_many_rows: t('the file has more than {max} rows; split it into several files'),
  },
};

/** One sentence for one field issue, naming the row, column/field and rule. */
export function issueMessage(issue: FieldIssue, locale: Locale = 'vi'): string {
  const label = issue.column ?? FIELD_LABELS[locale][issue.field.split('.').at(-1) ?? ''] ?? issue.field;
  const params = { ...issue.params };
  if (Array.isArray(params.allowed)) params.allowed = `: ${(params.allowed as string[]).join(', ')}`;
  else params.allowed = '';
  const rule = (RULE_MESSAGES[locale][issue.rule] ?? t(issue.rule))(params);
  const where = issue.row ? (locale === 'vi' ? `Dòng ${issue.row}, cột "${label}"` : `Row ${issue.row}, column "${label}"`) : `"${label}"`;
  return `${where}: ${rule}`;
}

/** Why an import cannot be applied, by the job's status (IMPORT_STATE's details.status). */
const IMPORT_STATE_REASONS: Record<Locale, Record<string, string>> = {
  vi: {
    parsing: 'tệp vẫn đang được kiểm tra; hãy chờ kiểm tra xong.',
    applying: 'một yêu cầu khác đang ghi chính lượt nhập này; hãy chờ nó xong rồi tải lại trang.',
    applied: 'lượt nhập đã được ghi trước đó, không ghi lại lần nữa.',
    failed: 'lượt nhập đã thất bại; hãy tải tệp lên lại.',
    released: 'lần ghi này bị gián đoạn và lượt nhập đã được trả lại; không có dữ liệu nào được ghi, hãy tải lại trang rồi áp dụng lại.',
    other: 'lượt nhập không ở trạng thái cho phép thao tác này.',
  },
  en: {
    parsing: 'the file is still being checked; wait for the check to finish.',
    applying: 'another request is writing this import right now; wait for it to finish and reload the page.',
    applied: 'it was applied already and is not applied twice.',
    failed: 'it failed; upload the file again.',
    released: 'this write was interrupted and the import given back; nothing was written — reload the page and apply again.',
    other: 'it is not in a state that allows this action.',
  },
};

/** What the excellent cap is a share of (EVALUATION_CAP_EXCEEDED's details.baseRating: the setting evaluation_cap_base). */
const CAP_BASE_LABELS: Record<Locale, Record<string, string>> = {
  vi: { good: 'người/đơn vị xếp loại Hoàn thành tốt', good_or_better: 'người/đơn vị xếp loại Hoàn thành tốt trở lên' },
  en: { good: 'rated good', good_or_better: 'rated good or better' },
};

/** The message for an error code in a locale; details fill the placeholders. */
export function errorMessage(code: ErrorCode, details: Record<string, unknown> = {}, locale: Locale = 'vi'): string {
  const params: Record<string, unknown> = { ...details };
  if (Array.isArray(details.issues)) {
    params.summary = (details.issues as FieldIssue[]).slice(0, 3).map((i) => issueMessage(i, locale)).join('; ');
  }
  if (code === 'IMPORT_STATE') params.state = IMPORT_STATE_REASONS[locale][String(details.status)] ?? IMPORT_STATE_REASONS[locale].other;
  if (code === 'EVALUATION_CAP_EXCEEDED') params.baseLabel = CAP_BASE_LABELS[locale][String(details.baseRating)] ?? '';
  if (code === 'PASSWORD_TOO_WEAK') params.why = PASSWORD_REASONS[locale][String(details.reason)] ?? PASSWORD_REASONS[locale].guessable;
  if (Array.isArray(details.fields)) params.fields = (details.fields as string[]).map((f) => FIELD_LABELS[locale][f] ?? f).join(', ');
  return (ERROR_MESSAGES[locale][code] ?? ERROR_MESSAGES[locale].INTERNAL)(params);
}
