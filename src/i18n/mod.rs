// Over 500 lines: by design one table of every string in both languages, so a word has one place.
//! Every string the user sees, in Vietnamese (default) and English. Each entry of the
//! table must give both, or the crate does not compile.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "vi" | "vi-vn" | "vietnamese" => Some(Lang::Vi),
            "en" | "en-us" | "en-gb" | "english" => Some(Lang::En),
            _ => None,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        })
    }
}

macro_rules! messages {
    ($($key:ident => $vi:literal, $en:literal;)*) => {
        /// A user-visible string.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Msg { $($key),* }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$key),*];

            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Msg::$key, Lang::Vi) => $vi, (Msg::$key, Lang::En) => $en,)*
                }
            }
        }
    };
}

/// Fills `{name}` placeholders.
pub fn fill(template: &str, args: &[(&str, &dyn fmt::Display)]) -> String {
    let mut out = template.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), &value.to_string());
    }
    out
}

impl Msg {
    /// The string with its placeholders filled.
    pub fn fill(self, lang: Lang, args: &[(&str, &dyn fmt::Display)]) -> String {
        fill(self.get(lang), args)
    }
}

messages! {
    AppName => "chibo", "chibo";
    ScreenRoster => "Đảng viên", "Members";
    ScreenMeetings => "Sinh hoạt", "Meetings";
    ScreenResolutions => "Nghị quyết", "Resolutions";
    ScreenTasks => "Nhiệm vụ", "Tasks";
    ScreenDues => "Đảng phí", "Dues";
    TooSmall => "Cửa sổ quá nhỏ / window too small", "Window too small / cửa sổ quá nhỏ";
    TooSmallNeed => "cần {w}×{h}", "needs {w}×{h}";
    NoBranch => "(chưa có chi bộ)", "(no branch yet)";

    ColNo => "STT", "No.";
    ColName => "Họ và tên", "Full name";
    ColBorn => "Năm sinh", "Born";
    ColAdmitted => "Vào Đảng", "Admitted";
    ColStanding => "Đảng tịch", "Standing";
    ColRole => "Chức vụ", "Role";
    ColStatus => "Trạng thái", "Status";

    StandingOfficial => "chính thức", "official";
    StandingProbationary => "dự bị", "probationary";
    ActivityActive => "đang sinh hoạt", "active";
    ActivityTemporaryIn => "sinh hoạt tạm thời", "temporarily attached";
    ActivityTemporaryOut => "sinh hoạt tạm thời nơi khác", "attached elsewhere";
    ActivityExempt => "miễn sinh hoạt", "exempt";
    ActivityTransferred => "chuyển sinh hoạt", "transferred out";
    ActivityStruckOff => "xóa tên", "struck off";
    ActivityExpelled => "khai trừ", "expelled";
    ActivityDeceased => "từ trần", "deceased";
    RoleSecretary => "bí thư", "secretary";
    RoleDeputy => "phó bí thư", "deputy secretary";
    RoleMember => "chi ủy viên", "committee member";
    RoleNone => "không", "none";
    GenderMale => "Nam", "male";
    GenderFemale => "Nữ", "female";
    Unknown => "chưa rõ", "unknown";

    Counts => "Tổng số {total} · chính thức {official} · dự bị {probationary} · miễn sinh hoạt {exempt}", "Total {total} · official {official} · probationary {probationary} · exempt {exempt}";
    CountsTemporaryOut => " · tạm thời nơi khác {n}", " · attached elsewhere {n}";
    CountsTemporaryIn => " · sinh hoạt tạm thời (ngoài tổng số) {n}", " · attached here (not in the total) {n}";
    Showing => "hiển thị {shown}/{all}", "showing {shown}/{all}";
    FilterAll => "tất cả", "all";
    FilterOnRoster => "trong danh sách", "on roster";
    FilterLabelStanding => "đảng tịch", "standing";
    FilterLabelActivity => "trạng thái", "status";
    FilterLabelRole => "chức vụ", "role";
    SearchPrompt => "Tìm: ", "Search: ";
    NoMatch => "Không có đảng viên nào khớp.", "No member matches.";
    EmptyRoster => "Chưa có đảng viên. Nhấn {key} để thêm, hoặc nhập từ tệp: chibo import members TỆP.csv", "No members yet. Press {key} to add one, or import a file: chibo import members FILE.csv";
    Reminder => "{name}: hết dự bị {ends}, xét chính thức trước {by}", "{name}: probation ends {ends}, consider recognition by {by}";
    ReminderOverdue => "{name}: hết dự bị {ends}, quá hạn xét chính thức ({by})", "{name}: probation ended {ends}, recognition overdue ({by})";
    RemindersMore => "và {n} nhắc việc khác", "and {n} more reminders";
    ReminderEstimate => "(ước tính: chưa có lịch nghỉ lễ năm {year} trong holidays.toml)", "(estimate: no holiday schedule for {year} in holidays.toml)";

    DetailTitle => "Thông tin đảng viên", "Member details";
    HistoryTitle => "Quá trình thay đổi trạng thái", "Status history";
    HistoryLine => "{date}: {from} → {to}", "{date}: {from} → {to}";
    NoHistory => "Chưa có thay đổi.", "No changes yet.";

    FieldFamily => "Họ", "Family name";
    FieldMiddle => "Tên đệm", "Middle name";
    FieldGiven => "Tên", "Given name";
    FieldGender => "Giới tính", "Gender";
    FieldBirth => "Ngày sinh", "Date of birth";
    FieldAdmission => "Ngày vào Đảng", "Admission date";
    FieldOfficial => "Ngày chính thức", "Official date";
    FieldCard => "Số thẻ đảng viên", "Card number";
    FieldStanding => "Đảng tịch", "Standing";
    FieldRole => "Chức vụ", "Committee role";
    FieldActivity => "Trạng thái", "Status";
    FieldPhone => "Điện thoại", "Phone";
    FieldResidence => "Nơi cư trú", "Residence";
    FieldWorkplace => "Đơn vị công tác", "Workplace";
    FieldNotes => "Ghi chú", "Notes";
    FieldNewActivity => "Trạng thái mới", "New status";
    FieldDate => "Ngày", "Date";
    FieldReason => "Lý do", "Reason";
    FieldBranchName => "Tên chi bộ", "Branch name";
    FieldParent => "Đảng bộ cấp trên", "Parent body";
    FieldPlace => "Địa danh (dòng ngày tháng)", "Place (date line)";
    FieldTerm => "Nhiệm kỳ", "Term";
    FieldSuffix => "Ký hiệu nghị quyết", "Resolution suffix";
    ProbationEnds => "Hết dự bị", "Probation ends";
    ConsiderBy => "Xét chính thức trước", "Consider by";

    FormNewMember => "Thêm đảng viên", "New member";
    FormEditMember => "Sửa thông tin đảng viên", "Edit member";
    FormStatus => "Thay đổi trạng thái: {name}", "Change status: {name}";
    FormBranch => "Thông tin chi bộ", "The branch";
    FormHint => "{next} ô tiếp · {save} lưu · {cancel} hủy", "{next} next field · {save} save · {cancel} cancel";
    ChoiceHint => "←/→ hoặc cách để chọn", "←/→ or space to choose";

    ErrRequired => "Bắt buộc phải nhập.", "Required.";
    ErrDate => "Ngày không hợp lệ (dd/mm/yyyy).", "Not a valid date (dd/mm/yyyy).";
    ErrOfficialBeforeAdmission => "Ngày chính thức không thể trước ngày vào Đảng.", "The official date cannot be before the admission date.";
    ErrAdmissionBeforeBirth => "Ngày vào Đảng phải sau ngày sinh.", "The admission date must be after the date of birth.";
    ErrProbationaryOfficialDate => "Đảng viên dự bị chưa có ngày chính thức.", "A probationary member has no official date yet.";
    ErrTime => "Giờ không hợp lệ (hh:mm, ví dụ 19:30).", "Not a valid time (hh:mm, e.g. 19:30).";
    ErrNumber => "Nhập một số.", "Type a number.";
    ErrSameStatus => "Trạng thái mới giống trạng thái hiện tại.", "The new status is the current one.";
    ErrFuture => "Ngày không thể sau hôm nay.", "The date cannot be after today.";

    // roster files: `import members` and `export members`
    RosterLine => "dòng {line}: {reason}", "line {line}: {reason}";
    RosterLineColumn => "dòng {line}, cột {col}: {reason}", "line {line}, column {col}: {reason}";
    RosterColumn => "cột {col}: {reason}", "column {col}: {reason}";
    RosterEmpty => "tệp trống / the file is empty", "the file is empty";
    RosterNotUtf8 => "tệp không phải UTF-8 (byte lỗi ở vị trí {at}); có thể tệp dùng bảng mã Windows-1258 hoặc TCVN3 — hãy lưu lại dạng \"CSV UTF-8\" / the file is not UTF-8: save it as \"CSV UTF-8\"", "the file is not UTF-8 (bad byte at position {at}); it may use Windows-1258 or TCVN3: save it again as \"CSV UTF-8\"";
    RosterUtf16 => "tệp được lưu dạng UTF-16 ({order}), không phải UTF-8 — hãy lưu lại dạng \"CSV UTF-8\"", "the file is saved as UTF-16 ({order}), not UTF-8: save it again as \"CSV UTF-8\"";
    RosterNul => "có ký tự NUL (byte 0): tệp hỏng hoặc không phải văn bản CSV", "a NUL byte (byte 0): the file is damaged or not CSV text";
    RosterUnclosedQuote => "dấu ngoặc kép mở ở dòng này không được đóng", "a quote opened on this line is never closed";
    RosterCellTooLong => "ô dài {n} ký tự, quá {max} ký tự", "the cell is {n} characters long, more than {max}";
    RosterHeaderUnreadable => "không đọc được dòng tiêu đề: {err}", "cannot read the header line: {err}";
    RosterColumnTwice => "cột \"{col}\" xuất hiện hai lần", "column \"{col}\" appears twice";
    RosterUnknownColumn => "không biết cột \"{col}\"", "unknown column \"{col}\"";
    RosterNoNameColumns => "thiếu cột họ tên: cần \"ho\" và \"ten\", hoặc \"ho_ten\" / missing name columns", "missing name columns: \"ho\" and \"ten\", or \"ho_ten\"";
    RosterBadCsvLine => "dòng CSV hỏng: {err}", "broken CSV line: {err}";
    RosterTooManyCells => "có {n} ô, nhiều hơn {max} cột tiêu đề", "{n} cells, more than the {max} header columns";
    RosterNameSplit => "dòng {line}: tách \"{full}\" thành họ \"{family}\", tên đệm \"{middle}\", tên \"{given}\" — hãy kiểm tra", "line {line}: split \"{full}\" into family name \"{family}\", middle name \"{middle}\", given name \"{given}\": please check";
    RosterNameUnsplittable => "không tách được họ và tên từ \"{full}\"", "cannot split \"{full}\" into family and given name";
    RosterBadDate => "ngày \"{value}\" không hợp lệ (dd/mm/yyyy hoặc yyyy-mm-dd)", "date \"{value}\" is not valid (dd/mm/yyyy or yyyy-mm-dd)";
    RosterBadGender => "giới tính \"{value}\" không rõ (Nam/Nữ)", "gender \"{value}\" unknown (Nam/Nữ)";
    RosterBadRole => "chức vụ \"{value}\" không rõ (bí thư, phó bí thư, chi ủy viên)", "committee role \"{value}\" unknown (bí thư, phó bí thư, chi ủy viên)";
    RosterBadStatus => "trạng thái \"{value}\" không rõ", "status \"{value}\" unknown";
    RosterBadHistory => "quá trình \"{value}\" không đọc được (mỗi dòng: dd/mm/yyyy: trạng thái cũ → trạng thái mới; lý do)", "status history \"{value}\" unreadable (one change a line: dd/mm/yyyy: old status → new status; reason)";
    RosterMissingFamily => "thiếu họ", "missing family name";
    RosterMissingGiven => "thiếu tên", "missing given name";
    RosterOfficialBeforeAdmission => "ngày chính thức trước ngày vào Đảng", "official date before admission date";
    RosterAdmissionBeforeBirth => "ngày vào Đảng không sau ngày sinh", "admission date not after birth date";
    RosterProbationaryOfficialDate => "đảng viên dự bị không có ngày chính thức", "a probationary member has no official date";
    RosterPhoneLostZero => "số điện thoại \"{value}\" mất số 0 ở đầu (bảng tính coi là số?) — hãy ghi {fixed}", "phone \"{value}\" lost its leading 0 (taken for a number by a spreadsheet?): write {fixed}";
    RosterCardLostZero => "số thẻ \"{value}\" chỉ có {n} chữ số, số thẻ đảng viên có {digits} (bảng tính đã bỏ số 0 ở đầu?) — hãy ghi {fixed}", "card number \"{value}\" has only {n} digits, a card number has {digits} (leading zeros dropped by a spreadsheet?): write {fixed}";
    RosterJsonInvalid => "JSON không hợp lệ: {err}", "invalid JSON: {err}";
    RosterJsonMember => "đảng viên thứ {n}: {reason}", "member {n}: {reason}";
    RosterCardTwice => "số thẻ {card} trùng với {name} (dòng {line})", "card number {card} is also {name}'s (line {line})";
    RosterCardInData => "số thẻ {card} của {name} đã có trong dữ liệu — dùng --update để cập nhật", "card number {card} of {name} is already in the data: use --update to update";
    RosterMemberInData => "{name} ({birth}) đã có trong dữ liệu — dùng --update để cập nhật", "{name} ({birth}) is already in the data: use --update to update";
    RosterSameMemberTwice => "{name} đã được cập nhật ở dòng {line}", "{name} is already updated by line {line}";
    RosterAmbiguous => "{name} ({birth}) khớp với {n} đảng viên; hãy ghi số thẻ", "{name} ({birth}) matches {n} members: give the card number";
    RosterCardOtherMember => "số thẻ {card} là của {owner}, còn họ tên và ngày sinh là của {name} ({birth})", "card number {card} is {owner}'s, but the name and birth date are {name}'s ({birth})";
    RosterCardConflict => "{name} ({birth}) đã có số thẻ {card}; tệp ghi {other}", "{name} ({birth}) has card number {card}; the file says {other}";
    RosterXlsxUnreadable => "không đọc được bảng tính: {err}", "cannot read the workbook: {err}";
    RosterNoSheet => "không có trang \"{name}\" (các trang: {names})", "no sheet \"{name}\" (sheets: {names})";
    RosterNoHeader => "không thấy dòng tiêu đề (cần cột \"ho\" và \"ten\", hoặc \"ho_ten\")", "no header row found (need columns \"ho\" and \"ten\", or \"ho_ten\")";
    RosterSheetOnlyXlsx => "--sheet chỉ dùng cho tệp .xlsx", "--sheet is only for .xlsx files";
    RosterTitle => "DANH SÁCH ĐẢNG VIÊN — {branch} — ngày {date}", "MEMBER ROSTER — {branch} — {date}";
    RosterHistoryHeader => "Quá trình trạng thái", "Status history";
    RosterHistoryReason => "cập nhật từ tệp", "updated from a file";
    ImportCannotRead => "không đọc được {file}", "cannot read {file}";
    ImportNotAFile => "{file}: không phải tệp thường (thiết bị, ống dẫn?); hãy chỉ một tệp .csv, .xlsx hoặc .json", "{file}: not a regular file (a device, a pipe?): give a .csv, .xlsx or .json file";
    ImportTooLarge => "{file}: tệp quá lớn ({mb} MB); danh sách đảng viên không quá {max} MB / file too large", "{file}: file too large ({mb} MB); a roster is at most {max} MB";
    ImportNothing => "không nhập gì: {n} lỗi trong {file}", "nothing imported: {n} errors in {file}";
    ImportDryRun => "kiểm tra xong: {n} đảng viên hợp lệ, chưa nhập (--dry-run)", "checked: {n} valid members, nothing imported (--dry-run)";
    Imported => "đã nhập {n} đảng viên", "imported {n} members";
    UpdateAdd => "thêm: {name} (dòng {line})", "add: {name} (line {line})";
    UpdateChange => "sửa: {name} (dòng {line}): {field} \"{old}\" → \"{new}\"", "change: {name} (line {line}): {field} \"{old}\" → \"{new}\"";
    UpdateSummary => "{added} thêm, {changed} sửa, {same} không đổi", "{added} added, {changed} changed, {same} unchanged";
    UpdateDryRun => "(--dry-run: chưa ghi gì)", "(--dry-run: nothing written)";
    ExportBinaryToTerminal => "bảng tính .xlsx không hiện được trên màn hình: dùng --out TỆP.xlsx", "an .xlsx workbook cannot be shown in a terminal: use --out FILE.xlsx";

    Saved => "Đã lưu.", "Saved.";
    Deleted => "Đã xóa đ/c {name}.", "Deleted {name}.";
    StatusChanged => "Đã ghi: đ/c {name} — {status}.", "Recorded: {name} — {status}.";
    SaveFailed => "Không lưu được: {err}", "Could not save: {err}";
    DeleteRefused => "Không xóa được đ/c {name}: đã có {n} hồ sơ nhắc tới. Hãy thay đổi trạng thái thay vì xóa.", "Cannot delete {name}: {n} records refer to them. Change their status instead.";
    ConfirmDeleteTitle => "Xóa đảng viên", "Delete member";
    ConfirmDelete => "Xóa hẳn đ/c {name}? Chỉ dùng khi nhập nhầm. Đảng viên rời chi bộ thì thay đổi trạng thái.", "Delete {name} for good? Only for a member added by mistake. For a member who leaves, change the status.";
    ConfirmEndAnyway => "{yes} vẫn kết thúc · {no} quay lại bổ sung", "{yes} end anyway · {no} go back and complete";
    ConfirmHint => "{yes} đồng ý · {no} hủy", "{yes} yes · {no} no";
    SettingsIgnored => "{problem} — tệp này bị bỏ qua, dùng mặc định", "{problem} — this file is ignored, the defaults are used";
    SettingsEntrySkipped => "{problem} — mục này bị bỏ qua, phần còn lại của tệp vẫn dùng", "{problem} — this entry is skipped, the rest of the file applies";
    SettingsNotAFile => "không phải tệp thường", "not a regular file";
    SettingsTooLarge => "tệp quá lớn ({size} byte, tối đa {max})", "too large ({size} bytes, at most {max})";
    SettingsUnreadable => "không đọc được ({err})", "cannot be read ({err})";
    SettingsUnknownLang => "không có ngôn ngữ \"{lang}\" (vi hoặc en)", "unknown language \"{lang}\" (vi or en)";
    SettingsEmptyCategories => "danh sách nhóm việc trống", "the list of categories is empty";
    WarningMore => "(còn {n} cảnh báo)", "({n} more)";
    WarningDismiss => "{key}: đóng", "{key}: dismiss";

    WelcomeTitle => "Chào mừng đến với chibo", "Welcome to chibo";
    WelcomeBody => "Chưa có dữ liệu chi bộ ở {dir}.", "There is no branch data in {dir} yet.";
    WelcomeCreate => "Tạo chi bộ mới", "Create the branch";
    WelcomeDemo => "Nạp chi bộ mẫu (dữ liệu minh họa)", "Load the demo branch (sample data)";
    WelcomeQuit => "Thoát", "Quit";
    DemoLoaded => "Đã nạp chi bộ mẫu: {n} đảng viên.", "Demo branch loaded: {n} members.";

    HelpTitle => "Phím tắt — {screen}", "Keys — {screen}";
    HelpThisScreen => "Màn hình này", "This screen";
    HelpGlobal => "Mọi nơi", "Everywhere";
    HelpClose => "{key} đóng", "{key} close";

    ActHelp => "trợ giúp", "help";
    ActQuit => "thoát", "quit";
    ActDismissWarning => "đóng cảnh báo", "dismiss the warning";
    ActNextScreen => "màn hình sau", "next screen";
    ActPrevScreen => "màn hình trước", "previous screen";
    ActMoveUp => "lên", "up";
    ActMoveDown => "xuống", "down";
    ActPageUp => "lên một trang", "page up";
    ActPageDown => "xuống một trang", "page down";
    ActFirst => "đầu danh sách", "first";
    ActLast => "cuối danh sách", "last";
    ActCancel => "hủy", "cancel";
    ActConfirm => "đồng ý", "confirm";
    ActSearch => "tìm", "search";
    ActNew => "thêm", "new";
    ActOpen => "xem", "open";
    ActEdit => "sửa", "edit";
    ActChangeStatus => "đổi trạng thái", "change status";
    ActDelete => "xóa", "delete";
    ActFilterStanding => "lọc đảng tịch", "filter standing";
    ActFilterActivity => "lọc trạng thái", "filter status";
    ActFilterRole => "lọc chức vụ", "filter role";
    ActNextField => "ô tiếp", "next field";
    ActPrevField => "ô trước", "previous field";
    ActSave => "lưu", "save";
    ActCreateBranch => "tạo chi bộ", "create branch";
    ActLoadDemo => "nạp chi bộ mẫu", "load demo";
    ActFilterYear => "lọc năm", "filter year";
    ActFilterKind => "lọc loại", "filter kind";
    ActAddItem => "thêm mục", "add item";
    ActRenameItem => "sửa mục", "edit item";
    ActRemoveItem => "bỏ mục", "remove item";
    ActMoveItemUp => "đưa mục lên", "move item up";
    ActMoveItemDown => "đưa mục xuống", "move item down";
    ActPresenter => "người trình bày", "presenter";
    ActMoreMinutes => "thêm phút", "more minutes";
    ActFewerMinutes => "bớt phút", "fewer minutes";
    ActStartMeeting => "bắt đầu / tiếp tục họp", "start / resume meeting";
    ActEndMeeting => "kết thúc họp", "end the meeting";
    ActApprove => "thông qua biên bản", "approve the minutes";
    ActAmend => "sửa đổi biên bản", "amend the minutes";
    ActExportMinutes => "xuất biên bản", "export the minutes";
    ActNextItem => "mục sau", "next item";
    ActPrevItem => "mục trước", "previous item";
    ActSpeech => "phát biểu", "speech";
    ActLeaveConsole => "rời", "leave";
    FormRecognition => "Quyết định công nhận đảng viên chính thức: {name}", "Decision recognizing {name} as an official member";
    FieldDecisionNumber => "Số quyết định", "Decision number";
    FieldDecisionDate => "Ngày quyết định", "Decision date";
    FieldDecision => "Quyết định công nhận chính thức", "Recognition decision";
    DecisionLine => "số {number} ngày {date}", "no. {number} of {date}";
    NotProbationary => "đ/c {name} đã là đảng viên chính thức.", "{name} is an official member already.";
    ErrNotProbationary => "Đảng viên này đã là đảng viên chính thức.", "This member is official already.";
    ErrDecisionBeforeVote => "Ngày quyết định trước ngày chi bộ biểu quyết đề nghị.", "The decision is dated before the branch's vote.";
    ErrDecisionBeforeAdmission => "Ngày quyết định trước ngày vào Đảng.", "The decision is dated before the admission.";
    ErrDecisionInFuture => "Ngày quyết định sau hôm nay: nhập khi quyết định đã có hiệu lực.", "The decision is dated after today: enter it once it is in force.";
    Recognized => "Đã ghi quyết định số {number}: đ/c {name} chính thức từ {date}.", "Decision {number} recorded: {name} is official from {date}.";
    ReminderAwaitingDecision => "đ/c {name}: chi bộ đã biểu quyết công nhận chính thức ngày {day} — chờ quyết định cấp trên", "{name}: the branch voted for official recognition on {day} — awaiting the upper level's decision";
    RecognitionVoted => "đ/c {name}: chờ quyết định cấp trên công nhận chính thức.", "{name}: awaiting the upper level's recognition decision.";
    ActPreviewMinutes => "xem biên bản", "read the minutes";
    PreviewTitle => "Biên bản (như khi xuất ra) — {key} đóng", "The minutes (as exported) — {key} closes";
    FormApprovalVote => "Biểu quyết thông qua biên bản", "Vote approving the minutes";
    ApprovalVoteSubject => "Thông qua biên bản cuộc họp", "Approval of the minutes";
    ErrApprovalNotPassed => "Biểu quyết không đạt quá nửa: biên bản chưa được thông qua.", "The vote is not a majority: the minutes are not approved.";
    ActCorrectVote => "sửa biểu quyết", "correct a vote";
    ActVote => "biểu quyết", "vote";
    ActConclusion => "kết luận", "conclusion";
    ActNote => "ghi chú mới", "new note";
    ActRollCall => "điểm danh", "roll call";
    ActPrevEntry => "đoạn trước", "previous entry";
    ActNextEntry => "đoạn sau", "next entry";
    ActMarkPresent => "có mặt", "present";
    ActMarkLate => "đến muộn", "late";
    ActMarkExcused => "vắng có lý do", "absent with reason";
    ActMarkAbsent => "vắng không lý do", "absent without reason";
    ActFilterState => "lọc tình trạng", "filter state";
    ActProgress => "ghi tiến độ", "progress note";
    ActMarkDone => "hoàn thành", "mark done";
    ActCarryOver => "chuyển kỳ sau", "carry over";
    ActReassign => "giao người khác", "reassign";
    ActCancelItem => "hủy nhiệm vụ", "cancel item";
    ActAdopt => "thông qua nghị quyết", "adopt";
    ActSupersede => "bị thay thế", "superseded by";
    ActExportResolution => "xuất nghị quyết", "export resolution";
    ActFollowUp => "theo dõi thực hiện", "follow-up view";
    ActDraftResolution => "soạn nghị quyết", "draft resolution";
    ActReview => "đánh giá nghị quyết trước", "review last resolution";
    ActToggleView => "đổi cách xem", "switch view";
    ActMark => "đánh dấu", "mark";
    ActBulkAssign => "giao cho người đã đánh dấu", "assign to marked";
    ActAssignUnassigned => "giao cho mọi người chưa có", "assign to all unassigned";
    ActFilterSource => "lọc nguồn", "filter source";
    ActAddAward => "khen thưởng", "award";
    FormAward => "Khen thưởng: {name}", "Award: {name}";
    FieldAwardForm => "Hình thức", "Form";
    FieldAwardLevel => "Cấp khen", "Awarding level";
    AwardSaved => "Đã ghi {form} của đ/c {name}.", "{form} recorded for {name}.";
    AwardsTitle => "Khen thưởng", "Awards";
    AwardsEmpty => "Chưa có khen thưởng.", "No awards.";
    BadgeDue => "Đề nghị Huy hiệu {years} năm tuổi Đảng (đủ ngày {date})", "To propose: the {years}-year Party badge (reached on {date})";
    ActAddNote => "ghi sổ theo dõi", "add a note";
    FormNote => "Ghi sổ theo dõi: {name}", "Notebook entry: {name}";
    FieldNoteKind => "Loại ghi nhận", "Kind of note";
    FieldNoteText => "Nội dung", "Text";
    NoteSaved => "Đã ghi {kind} vào sổ theo dõi của đ/c {name}.", "A {kind} noted in {name}'s notebook.";
    NotebookTitle => "Sổ theo dõi đảng viên", "Members' notebook";
    NotebookYear => "năm {year}", "year {year}";
    NotebookAllYears => "mọi năm", "all years";
    NotebookEmpty => "Chưa có ghi nhận nào.", "No notes yet.";
    ActRecognitionDecision => "quyết định công nhận chính thức", "recognition decision";
    ActFilterMonth => "lọc tháng", "filter month";
    ActMarkAllPresent => "còn lại có mặt", "rest present";

    KindRegular => "thường kỳ", "regular";
    KindThematic => "chuyên đề", "thematic";
    KindCommittee => "họp chi ủy", "committee";
    KindExtraordinary => "bất thường", "extraordinary";
    KindYearEnd => "kiểm điểm cuối năm", "year-end review";
    StatusPlanned => "dự kiến", "planned";
    StatusInProgress => "đang họp", "in progress";
    StatusEnded => "đã kết thúc", "ended";
    StatusApproved => "đã thông qua", "approved";
    MethodHands => "giơ tay", "show of hands";
    MethodCard => "giơ thẻ đảng viên", "raising the card";
    MethodSecret => "bỏ phiếu kín", "secret ballot";
    RuleSimple => "đa số phiếu có mặt", "majority of votes cast";
    RuleTwoThirds => "2/3 đảng viên chi bộ (nhân sự)", "2/3 of the branch (personnel)";
    RuleMajorityOfBranch => "quá 1/2 đảng viên chi bộ (kỷ luật)", "over 1/2 of the branch (discipline)";
    Yes => "có", "yes";
    No => "không", "no";
    Passed => "thông qua", "passed";
    NotPassed => "không thông qua", "not passed";

    ColMonth => "Tháng", "Month";
    ColKind => "Loại", "Kind";
    ColDate => "Ngày", "Date";
    ColPlace => "Địa điểm", "Place";
    ColTime => "Giờ", "Time";
    ColMeetingStatus => "Tình trạng", "Status";
    ColItem => "Nội dung", "Item";
    ColPresenter => "Trình bày", "Presenter";
    ColMinutes => "Phút", "Min";
    NoMeetings => "Chưa có cuộc họp nào. Nhấn {key} để lập kế hoạch cuộc họp.", "No meetings yet. Press {key} to plan one.";
    MeetingFilters => "năm: {year}  loại: {kind}", "year: {year}  kind: {kind}";
    NoThematicInQuarter => "quý {quarter}/{year} chưa có sinh hoạt chuyên đề", "no thematic meeting in quarter {quarter}/{year}";
    MeetingTitle => "Sinh hoạt {kind} tháng {month}", "{kind} meeting, {month}";
    MeetingInfo => "{date} lúc {time} · {place}", "{date} at {time} · {place}";
    ChairLine => "Chủ trì: {chair} · Thư ký: {secretary}", "Chair: {chair} · Minute-taker: {secretary}";
    GuestsLine => "Khách mời: {guests}", "Guests: {guests}";
    NotSet => "(chưa chọn)", "(not set)";
    AgendaTotal => "Tổng thời gian dự kiến {total} phút (tối thiểu {minimum} phút)", "Planned {total} minutes (minimum {minimum})";
    AgendaTotalShort => "Tổng thời gian dự kiến {total} phút — ít hơn mức tối thiểu {minimum} phút", "Planned {total} minutes — below the minimum of {minimum}";
    AmendmentsLine => "Sửa đổi: {n}", "Amendments: {n}";
    ConsoleLine => "{title} · {clock} · có mặt {present}/{total} · vắng {absent}", "{title} · {clock} · present {present}/{total} · absent {absent}";
    ConsoleUnmarked => " · chưa điểm danh {n}", " · unmarked {n}";
    ItemLine => "Mục {n}/{of}: {title}", "Item {n}/{of}: {title}";
    ItemClock => "{spent}/{planned}", "{spent}/{planned}";
    EntryNote => "Ghi chú", "Note";
    EntrySpeech => "Đồng chí {name}", "Comrade {name}";
    EntryGuestSpeech => "{name} (khách mời)", "{name} (guest)";
    EntryConclusion => "Kết luận của chủ trì", "Chair's conclusion";
    EntryVote => "Biểu quyết: {subject} — {for}/{of} theo {rule}: {result} (không tán thành {against}, ý kiến khác {other})", "Vote: {subject} — {for}/{of} by {rule}: {result} (against {against}, other {other})";
    RuleLineSimple => "quá nửa số phiếu", "more than half of the votes cast";
    RuleLineTwoThirds => "2/3 đảng viên chính thức", "2/3 of the official members";
    RuleLineMajorityOfBranch => "quá 1/2 đảng viên chính thức", "over 1/2 of the official members";
    RollCallTitle => "Điểm danh", "Roll call";
    RollCallExempt => "Miễn sinh hoạt (không tính vắng)", "Exempt (never counted absent)";
    MarkPresent => "có mặt", "present";
    MarkLate => "đến muộn {time}", "late {time}";
    MarkExcused => "vắng có lý do: {reason}", "excused: {reason}";
    MarkAbsent => "vắng không lý do", "absent";
    MarkNone => "—", "—";
    PickerTitle => "Chọn đồng chí", "Pick a member";
    PickerPrompt => "Gõ vài chữ (không dấu): ", "Type a few letters: ";

    FormNewMeeting => "Lập kế hoạch cuộc họp", "Plan a meeting";
    FormEditMeeting => "Thông tin cuộc họp", "Meeting details";
    FormAddItem => "Thêm mục vào chương trình", "Add an agenda item";
    FormRenameItem => "Sửa mục chương trình", "Edit the agenda item";
    FormVote => "Biểu quyết", "Vote";
    FormExcuse => "Vắng có lý do: {name}", "Absent with reason: {name}";
    FormAmend => "Sửa đổi, bổ sung biên bản", "Amend the minutes";
    FieldKind => "Loại cuộc họp", "Kind";
    FieldResolutionKind => "Loại nghị quyết", "Kind of resolution";
    FieldWithThematic => "Kết hợp chuyên đề", "With thematic session";
    FieldTime => "Giờ bắt đầu", "Start time";
    FieldMeetingPlace => "Địa điểm", "Place";
    FieldChair => "Chủ trì", "Chair";
    FieldSecretary => "Thư ký", "Minute-taker";
    FieldGuests => "Khách mời (cách nhau bằng ;)", "Guests (separated by ;)";
    FieldArrived => "Giờ đến", "Arrived at";
    FormLate => "Đến muộn: {name}", "Late: {name}";
    FieldEndTime => "Giờ kết thúc", "End time";
    ErrEndBeforeStart => "Giờ kết thúc trước giờ bắt đầu.", "The end is before the start.";
    FieldItemTitle => "Nội dung", "Title";
    FieldItemMinutes => "Số phút", "Minutes";
    FieldSubject => "Nội dung biểu quyết", "Subject";
    FieldMethod => "Hình thức", "Method";
    FieldRule => "Nguyên tắc", "Rule";
    FormCorrectVote => "Sửa biểu quyết đã ghi", "Correct a recorded vote";
    FieldVoteKeep => "Biểu quyết này", "This vote";
    VoteKeep => "giữ, với số phiếu đã sửa", "keep, with the counts corrected";
    VoteRemove => "xóa khỏi biên bản", "remove from the minutes";
    VoteRemoved => "Đã xóa biểu quyết khỏi biên bản.", "The vote is removed from the minutes.";
    NoVoteHere => "Cuộc họp chưa có biểu quyết nào để sửa.", "The meeting has no vote to correct yet.";
    VotePickTitle => "Chọn biểu quyết để sửa hoặc xóa", "Pick the vote to correct or remove";
    AgendaPickTitle => "Tìm mục trong chương trình", "Find an item of the agenda";
    VotePickLine => "Mục {item} · {time} · {subject} — {for}/{of}: {result}", "Item {item} · {time} · {subject} — {for}/{of}: {result}";
    ConfirmRemoveVoteTitle => "Xóa biểu quyết khỏi biên bản", "Remove the vote from the minutes";
    ConfirmRemoveVote => "Xóa hẳn biểu quyết «{subject}» khỏi biên bản? Chỉ xóa khi biểu quyết này không diễn ra; số phiếu ghi sai thì sửa số phiếu.", "Remove the vote «{subject}» from the minutes for good? Only when the vote did not take place; mistyped counts are corrected instead.";
    FieldInFavour => "Tán thành", "For";
    FieldAgainst => "Không tán thành", "Against";
    FieldOther => "Ý kiến khác", "Other";
    FieldAmendment => "Nội dung sửa đổi", "Correction";
    FieldAmendmentBy => "Người đề nghị (đảng viên)", "Asked for by (member)";
    FieldAmendmentByName => "hoặc họ tên, chức vụ", "or name and position";
    ErrAmendmentBy => "Ghi ai đề nghị sửa đổi: chọn một đảng viên, hoặc gõ họ tên ở dòng dưới.", "Say who asked for the amendment: pick a member, or type a name below.";
    VoteEligible => "Có quyền biểu quyết: {eligible} (chi bộ {branch}) · nhập số phiếu", "May vote: {eligible} (branch {branch}) · enter the counts";
    VotePreview => "Có quyền biểu quyết: {eligible} (chi bộ {branch}) · Kết quả: {result} ({for}/{of})", "May vote: {eligible} (branch {branch}) · Result: {result} ({for}/{of})";
    PickHint => "enter hoặc cách để chọn", "enter or space to pick";

    RegularTakenOn => "Tháng {month} đã có cuộc họp thường kỳ ngày {date}: mỗi tháng một cuộc họp thường kỳ. Chọn ngày khác, hoặc đổi loại cuộc họp.", "{month} already has its regular meeting on {date}: one regular meeting a month. Pick another day, or another kind.";
    ErrRegularTaken => "Tháng này đã có cuộc họp thường kỳ.", "This month already has a regular meeting.";
    ErrTooManyVotes => "Tổng số phiếu vượt số đảng viên có quyền biểu quyết.", "More votes than members who may vote.";
    ErrNoVotes => "Chưa có phiếu nào.", "No votes counted.";
    ErrRuleTwoThirds => "Nội dung này cần ít nhất 2/3 đảng viên chi bộ: chọn nguyên tắc 2/3.", "This subject needs 2/3 of the branch: choose the 2/3 rule.";
    ErrRuleMajorityOfBranch => "Kỷ luật cần quá 1/2 đảng viên chi bộ: chọn nguyên tắc quá 1/2.", "Discipline needs more than half of the branch: choose that rule.";
    MinutesLocked => "Biên bản đã thông qua và bị khóa; sửa bằng sửa đổi, bổ sung (m).", "The minutes are approved and locked; correct them with an amendment (m).";
    AmendOnlyApproved => "Chỉ sửa đổi biên bản đã thông qua; biên bản chưa khóa thì sửa trực tiếp.", "Only approved minutes take amendments; edit the others directly.";
    NotEndedYet => "Cuộc họp chưa kết thúc.", "The meeting has not ended.";
    AlreadyApproved => "Biên bản đã được thông qua.", "The minutes are already approved.";
    ItemHasMinutes => "Mục này đã có nội dung biên bản, không bỏ được.", "This item has minutes and cannot be removed.";
    NoAgenda => "Cuộc họp chưa có chương trình.", "The meeting has no agenda.";
    Approved => "Đã thông qua biên bản; biên bản đã khóa.", "Minutes approved and locked.";
    Amended => "Đã ghi sửa đổi, bổ sung.", "Amendment recorded.";
    Ended => "Cuộc họp kết thúc lúc {time}.", "The meeting ended at {time}.";
    Exported => "Đã ghi biên bản vào {path}", "Minutes written to {path}";
    // the export key on the screens, and the documents' own words
    FormExport => "Xuất văn bản", "Export the document";
    FieldFormat => "Định dạng", "Format";
    FormatMarkdown => "Markdown (.md)", "Markdown (.md)";
    FormatText => "Văn bản thuần (.txt)", "Plain text (.txt)";
    FormatDocx => "Word (.docx), theo thể thức văn bản của Đảng", "Word (.docx), in the form of party documents";
    FormatPdf => "PDF (tạo từ bản Word bằng LibreOffice)", "PDF (made from the Word document by LibreOffice)";
    ExportedResolution => "Đã ghi nghị quyết vào {path}", "Resolution written to {path}";
    ExportedRoster => "Đã ghi danh sách đảng viên vào {path}", "Roster written to {path}";
    FormatCsv => "CSV (Excel tiếng Việt mở đúng cột)", "CSV (opens in columns in Excel)";
    FormatXlsx => "Excel (.xlsx)", "Excel (.xlsx)";
    FormatJson => "JSON (mọi trường, nhập lại được)", "JSON (every field, imports back)";
    ActExportMembers => "xuất danh sách đảng viên", "export the roster";
    MakingPdf => "Đang tạo PDF bằng LibreOffice…", "Making the PDF with LibreOffice…";
    DocParty => "ĐẢNG CỘNG SẢN VIỆT NAM", "COMMUNIST PARTY OF VIETNAM";
    DocNoPlace => "……", "……";
    DocNoDate => "ngày …… tháng …… năm ……", "day …… month …… year ……";
    DocPlaceDate => "{place}, {date}", "{place}, {date}";
    DocSecretary => "THƯ KÝ", "SECRETARY OF THE MEETING";
    DocChair => "CHỦ TRÌ", "CHAIR";
    DocSignHint => "(ký, ghi rõ họ tên)", "(signature and full name)";
    DocForBranch => "T/M CHI BỘ", "FOR THE BRANCH";
    DocBranchSecretary => "BÍ THƯ", "SECRETARY";
    DocRecipients => "Nơi nhận:", "To:";
    DocToUpper => "- Đảng ủy cấp trên (để b/c),", "- The upper-level committee (to report),";
    DocToMembers => "- Đảng viên chi bộ,", "- The branch's members,";
    DocToFile => "- Lưu.", "- File.";
    DocUnknownMember => "(mã {id})", "(id {id})";
    DocRoleSecretary => ", Bí thư chi bộ", ", Secretary of the branch";
    DocRoleDeputy => ", Phó Bí thư chi bộ", ", Deputy Secretary of the branch";
    DocRoleMember => ", Chi ủy viên", ", member of the branch committee";
    DocComrade => "đồng chí {name}", "comrade {name}";
    DocComradeWith => "đồng chí {name} ({detail})", "comrade {name} ({detail})";
    DocNotRecorded => "(chưa ghi)", "(not recorded)";
    DocClock => "{hour} giờ {minute} phút", "{hour}:{minute}";
    DocTotal => "Tổng số đảng viên của chi bộ: {total} đồng chí (chính thức {official}, dự bị {probationary}).", "Members of the branch: {total} (official {official}, probationary {probationary}).";
    DocTemporaryOut => "Sinh hoạt tạm thời nơi khác: {n} đồng chí: {names}.", "Temporarily attached elsewhere: {n}: {names}.";
    DocExempt => "Miễn công tác và sinh hoạt đảng: {n} đồng chí.", "Exempt from party work and meetings: {n}.";
    DocExemptNamed => "Miễn công tác và sinh hoạt đảng: {n} đồng chí: {names}.", "Exempt from party work and meetings: {n}: {names}.";
    DocTemporaryIn => "Đảng viên sinh hoạt tạm thời: {n} đồng chí, có mặt {present}.", "Temporarily attached members: {n}, present {present}.";
    DocTemporaryAbsent => " Vắng: {names}.", " Absent: {names}.";
    DocPresent => "Có mặt: {n} đồng chí.", "Present: {n}.";
    DocLate => " Đến muộn: {names}.", " Late: {names}.";
    DocExcusedNone => "Vắng có lý do: không.", "Absent with a reason: none.";
    DocExcused => "Vắng có lý do: {n} đồng chí: {names}.", "Absent with a reason: {n}: {names}.";
    DocAbsentNone => "Vắng không lý do: không.", "Absent without a reason: none.";
    DocAbsent => "Vắng không lý do: {n} đồng chí: {names}.", "Absent without a reason: {n}: {names}.";
    DocUnmarked => "Chưa điểm danh: {n} đồng chí.", "Not yet marked: {n}.";
    DocVoteUncounted => "CHƯA XÁC ĐỊNH (số phiếu chưa đầy đủ hoặc không hợp lệ)", "NOT DETERMINED (the counts are missing or invalid)";
    DocPassed => "THÔNG QUA", "PASSED";
    DocNotPassed => "KHÔNG THÔNG QUA", "NOT PASSED";
    DocVoteResult => "{word} ({for}/{of}, {pct}%)", "{word} ({for}/{of}, {pct}%)";
    DocRuleSimple => "quá nửa số phiếu biểu quyết của đảng viên chính thức có mặt", "more than half of the votes of the official members present";
    DocRuleTwoThirds => "ít nhất 2/3 tổng số đảng viên chính thức của chi bộ (trừ đảng viên sinh hoạt tạm thời nơi khác và đảng viên miễn sinh hoạt vắng mặt)", "at least 2/3 of the branch's official members (less those attached elsewhere and exempt members absent)";
    DocRuleMajorityOfBranch => "quá 1/2 tổng số đảng viên chính thức của chi bộ (trừ đảng viên sinh hoạt tạm thời nơi khác và đảng viên miễn sinh hoạt vắng mặt)", "more than 1/2 of the branch's official members (less those attached elsewhere and exempt members absent)";
    DocVote => "Biểu quyết: {subject}. Hình thức: {method}. Số đảng viên có quyền biểu quyết có mặt: {eligible} (chi bộ có {branch} đảng viên chính thức được tính). Tán thành: {for}; không tán thành: {against}; ý kiến khác: {other}. Kết quả: {result}. Nguyên tắc áp dụng: {rule}.", "Vote: {subject}. Method: {method}. Members present entitled to vote: {eligible} (the branch counts {branch} official members). For: {for}; against: {against}; other opinions: {other}. Result: {result}. Rule applied: {rule}.";
    DocRegularAndThematic => "THƯỜNG KỲ VÀ CHUYÊN ĐỀ", "REGULAR AND THEMATIC";
    DocTitleCommittee => "BIÊN BẢN HỌP CHI ỦY THÁNG {month}", "MINUTES OF THE BRANCH COMMITTEE, {month}";
    DocTitleYearEnd => "BIÊN BẢN SINH HOẠT CHI BỘ KIỂM ĐIỂM CUỐI NĂM {year}", "MINUTES OF THE BRANCH'S YEAR-END REVIEW {year}";
    DocTitleMeeting => "BIÊN BẢN SINH HOẠT CHI BỘ {kind} THÁNG {month}", "MINUTES OF THE BRANCH'S {kind} MEETING, {month}";
    DocEndedSameDay => "Cuộc họp kết thúc lúc {time} cùng ngày.", "The meeting ended at {time} the same day.";
    DocEndedOn => "Cuộc họp kết thúc lúc {time}, ngày {date}.", "The meeting ended at {time} on {date}.";
    DocNotEnded => "(Cuộc họp chưa kết thúc.)", "(The meeting has not ended.)";
    DocDateAt => "{date} lúc {time}", "{date} at {time}";
    DocDoneBefore => "hoàn thành trước cuộc họp ({date})", "done before the meeting ({date})";
    DocCarriedTo => "chuyển kỳ sau, hạn mới {date}", "carried over, new due date {date}";
    DocOverdue => "quá hạn (hạn {date})", "overdue (due {date})";
    DocInProgressDue => "đang thực hiện, hạn {date}", "in progress, due {date}";
    DocNotStartedDue => "chưa thực hiện, hạn {date}", "not started, due {date}";
    DocStatusNotStarted => "chưa thực hiện", "not started";
    DocStatusInProgress => "đang thực hiện", "in progress";
    DocStatusDone => "hoàn thành", "done";
    DocStatusCarried => "chuyển kỳ sau", "carried over";
    DocStatusCancelled => "hủy", "cancelled";
    DocNotAssigned => "chưa phân công", "not assigned";
    DocNewDue => "hạn mới {date}", "new due date {date}";
    DocItemResult => " Kết quả: {result}.", " Result: {result}.";
    DocReviewed => "{number}{title} ({lead}): {said}.{result}", "{number}{title} ({lead}): {said}.{result}";
    DocTime => "Thời gian: bắt đầu lúc {time}, ngày {date}.", "Time: began at {time} on {date}.";
    DocPlace => "Địa điểm: {place}.", "Place: {place}.";
    DocChairLine => "Chủ trì: {who}.", "Chair: {who}.";
    DocSecretaryLine => "Thư ký: {who}.", "Secretary of the meeting: {who}.";
    DocGuests => "Khách mời: {who}.", "Guests: {who}.";
    DocNoGuests => "không có", "none";
    DocAttendanceHeading => "I. TÌNH HÌNH ĐẢNG VIÊN DỰ HỌP", "I. ATTENDANCE";
    DocContentHeading => "II. NỘI DUNG", "II. PROCEEDINGS";
    DocPresenter => " (trình bày: đồng chí {name})", " (presented by comrade {name})";
    DocSpeaker => "Đồng chí {name}:", "Comrade {name}:";
    DocGuestSpeaker => "Đ/c {name}:", "Comrade {name}:";
    DocConclusion => "Kết luận của chủ trì:", "The chair's conclusion:";
    DocReviewIntro => "Kết quả thực hiện nghị quyết được đánh giá tại cuộc họp:", "The resolution's results reviewed at the meeting:";
    DocApprovedVote => "Biên bản đã được đọc lại và thông qua ngày {at}: tán thành {for}/{eligible}, không tán thành {against}, ý kiến khác {other}.", "The minutes were read back and approved on {at}: for {for}/{eligible}, against {against}, other opinions {other}.";
    DocApproved => "Biên bản đã được đọc lại và thông qua ngày {at}.", "The minutes were read back and approved on {at}.";
    DocAmendmentsHeading => "III. SỬA ĐỔI, BỔ SUNG SAU KHI THÔNG QUA", "III. AMENDMENTS AFTER APPROVAL";
    DocAmendment => "- Ngày {at}: {text} (lý do: {reason})", "- On {at}: {text} (reason: {reason})";
    DocAmendmentBy => "- Ngày {at}, theo đề nghị của {by}: {text} (lý do: {reason})", "- On {at}, asked for by {by}: {text} (reason: {reason})";
    DocResolutionNumber => "Số {number}", "No. {number}";
    DocResolution => "NGHỊ QUYẾT", "RESOLUTION";
    DocBasis => "Căn cứ {basis}.", "Having regard to {basis}.";
    DocResolves => "{branch} QUYẾT NGHỊ", "{branch} RESOLVES";
    DocTheBranch => "CHI BỘ", "THE BRANCH";
    DocResultsHeading => "I. KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT THÁNG TRƯỚC", "I. RESULTS OF LAST MONTH'S RESOLUTION";
    DocTasksHeading => "II. NHIỆM VỤ, GIẢI PHÁP", "II. TASKS AND MEASURES";
    DocNoLead => "(chưa phân công)", "(not assigned)";
    DocHelpers => "; phối hợp: {names}", "; with: {names}";
    DocTask => "{n}. {title}. Chủ trì thực hiện: {who}{helpers}. Thời hạn: {due}.", "{n}. {title}. Led by: {who}{helpers}. Due: {due}.";
    DocNoTasks => "(chưa có nhiệm vụ)", "(no tasks yet)";
    DocExecutionHeading => "III. TỔ CHỨC THỰC HIỆN", "III. CARRYING IT OUT";
    DocExecution => "Chi ủy chi bộ chỉ đạo, theo dõi, kiểm tra việc thực hiện; từng đồng chí đảng viên được phân công có trách nhiệm thực hiện và báo cáo kết quả tại kỳ sinh hoạt tháng sau.", "The branch committee directs, follows and checks the work; each member given a task carries it out and reports the result at next month's meeting.";
    DocThen => ", rồi ", ", then ";
    DocNewDues => "hạn mới {dates}", "new due date {dates}";
    DocNowLed => "nay do đồng chí {lead} chủ trì", "now led by comrade {lead}";
    DocNoted => "ghi nhận: {note}", "noted: {note}";
    DocFollowedItem => "{n}. {title}: {parts}.", "{n}. {title}: {parts}.";
    DocAddedLater => "Bổ sung sau khi thông qua: {title}. Thời hạn: {due}; {status}.", "Added after adoption: {title}. Due: {due}; {status}.";
    DocFollowUpHeading => "THEO DÕI THỰC HIỆN (ghi sau khi thông qua)", "FOLLOW-UP (recorded after adoption)";
    ConfirmQuitMeetingTitle => "Thoát chibo", "Quit chibo";
    ConfirmQuitMeeting => "Cuộc họp đang diễn ra. Thoát chibo bây giờ? Biên bản đã gõ được lưu; cuộc họp vẫn đang họp và mở lại đúng chỗ này.", "A meeting is in progress. Quit chibo now? What was typed is saved; the meeting stays in progress and reopens here.";
    ConfirmQuitUnsavedTitle => "Biên bản chưa lưu được", "The minutes are not saved";
    ConfirmQuitUnsaved => "Phần biên bản vừa gõ chưa lưu được: {err}\nchibo vẫn đang thử lưu lại. Nếu thoát bây giờ, biên bản đang gõ được ghi ra một tệp riêng (hoặc in ra màn hình) để không mất.\nThoát?", "The minutes just typed are not saved: {err}\nchibo keeps trying. Quitting now writes the minutes being typed to a separate file (or prints them) so nothing is lost.\nQuit?";
    RescuedTo => "Biên bản chưa lưu được vào dữ liệu đã được ghi ra {path}. Khi đĩa ghi được trở lại, hãy mở chibo và nhập lại phần còn thiếu từ tệp này.", "The minutes the data would not take are in {path}. When the disk can be written again, open chibo and add what is missing from that file.";
    RescuedBelow => "Biên bản chưa lưu được và không ghi được ra tệp nào; toàn văn ở dưới, hãy chép lại:", "The minutes could not be saved or written to any file; the full text follows, copy it:";
    TypingDiskFull => "Ổ đĩa đầy: phần vừa gõ chưa lưu, vẫn giữ ở đây. Dọn chỗ trống, chibo tự lưu.", "Disk full: the new typing is kept here, not saved. Free space; chibo retries.";
    TypingReadOnly => "Thư mục dữ liệu không ghi được: phần vừa gõ chưa lưu, vẫn giữ ở đây.", "The data folder is read-only: the new typing is kept here, not saved.";
    TypingWritesStopped => "Đĩa từ chối ghi: phần vừa gõ chưa lưu. Dọn chỗ trống, thoát rồi mở lại chibo.", "The disk refused a write: typing not saved. Free space, quit, reopen chibo.";
    SavedAgain => "Đã lưu được phần biên bản vừa gõ.", "The minutes just typed are saved now.";
    ConfirmEndTitle => "Kết thúc cuộc họp", "End the meeting";
    ConfirmEnd => "Kết thúc cuộc họp bây giờ?", "End the meeting now?";
    ConfirmEndMissing => "Còn thiếu trước khi thông qua biên bản:", "Still missing before the minutes can be approved:";
    IgnoredAfterPaste => "Phím đến ngay sau khi dán không kết thúc cuộc họp, không thông qua biên bản.", "Keys that came right after a paste do not end a meeting or approve minutes.";
    ConfirmApproveTitle => "Thông qua biên bản", "Approve the minutes";
    ConfirmApprove => "Biên bản đã được đọc lại và thông qua? Sau đó biên bản bị khóa; chỉ sửa được bằng sửa đổi, bổ sung có ghi ngày và lý do.", "Were the minutes read back and approved? They are then locked; corrections become dated amendments with a reason.";
    MissingChair => "chưa chọn chủ trì", "no chair";
    MissingSecretary => "chưa chọn thư ký", "no minute-taker";
    MissingRollCall => "còn {n} đồng chí chưa điểm danh", "{n} members not in the roll call";
    MissingItem => "mục \"{title}\" chưa ghi gì", "nothing recorded under \"{title}\"";
    MissingConclusion => "chưa có kết luận của chủ trì", "no conclusion of the chair";
    MissingVote => "biểu quyết \"{subject}\" chưa đủ số phiếu", "vote \"{subject}\" not counted";
    MissingShort => "mới họp {minutes} phút, tối thiểu {minimum} phút", "only {minutes} minutes, the minimum is {minimum}";

    ResKindMonthly => "hằng tháng", "monthly";
    ResKindThematic => "chuyên đề", "thematic";
    ResKindAnnual => "năm", "annual";
    ResKindPersonnel => "nhân sự", "personnel";
    ResKindUpperLevel => "cấp trên", "upper level";
    TaskNotStarted => "chưa thực hiện", "not started";
    TaskInProgress => "đang thực hiện", "in progress";
    TaskDoneLabel => "hoàn thành", "done";
    TaskCarriedOver => "chuyển kỳ sau", "carried over";
    TaskCancelledLabel => "hủy", "cancelled";
    TaskOverdue => "quá hạn", "overdue";
    StateDraft => "dự thảo", "draft";
    StateInForce => "đang thực hiện", "in force";
    StateCompleted => "hoàn thành", "completed";
    StateSuperseded => "bị thay thế", "superseded";
    FilterInForce => "còn hiệu lực", "in force";
    ColNumber => "Số", "Number";
    ColTitle => "Trích yếu", "Title";
    ColAdopted => "Thông qua", "Adopted";
    ColProgress => "Tiến độ", "Progress";
    ColOverdue => "Quá hạn", "Overdue";
    ColLead => "Chủ trì thực hiện", "Lead";
    ColDue => "Hạn", "Due";
    ColStatus2 => "Tình trạng", "Status";
    NoResolutions => "Chưa có nghị quyết nào ở đây. Nhấn {key} để thêm, hoặc soạn từ một cuộc họp (R ở màn hình cuộc họp).", "No resolutions here. Press {key} to add one, or draft one from a meeting (R on the meeting screen).";
    ResolutionFilters => "tình trạng: {state}  năm: {year}  loại: {kind}", "state: {state}  year: {year}  kind: {kind}";
    ResolutionHeader => "Nghị quyết số {number} · {kind} · {state}", "Resolution {number} · {kind} · {state}";
    AdoptedLine => "Thông qua ngày {date}", "Adopted on {date}";
    NotAdopted => "Chưa thông qua (dự thảo)", "Not adopted (draft)";
    BasisLine => "Căn cứ: {text}", "Basis: {text}";
    ResultsLine => "Kết quả tháng trước: {text}", "Last month's results: {text}";
    SupersededLine => "Bị thay thế bởi nghị quyết số {number}", "Superseded by {number}";
    SupersedesLine => "Thay thế nghị quyết số {number}", "Supersedes {number}";
    NoItems => "Chưa có nhiệm vụ. Nhấn {key} để thêm.", "No items. Press {key} to add one.";
    ItemHistory => "Theo dõi: {title}", "Follow-up: {title}";
    NoteLine => "{date}: {text}", "{date}: {text}";
    NotePercent => "{n}%", "{n}%";
    NoteStatus => "→ {status}", "→ {status}";
    NoteLead => "giao đ/c {name}", "to {name}";
    NoteDue => "hạn mới {date}", "new due {date}";
    NoteMeeting => "(tại cuộc họp {date})", "(at the meeting of {date})";
    NoteReporter => "— đ/c {name} báo cáo", "— reported by {name}";
    FollowUpTitle => "Theo dõi thực hiện: {n} nhiệm vụ đang mở", "Follow-up: {n} open items";
    GroupOverdue => "Quá hạn", "Overdue";
    GroupThisMonth => "Trong tháng này", "This month";
    GroupLater => "Sau đó", "Later";
    NoOpenItems => "Không có nhiệm vụ nào đang mở.", "No open items.";
    ReviewInConsole => "Nghị quyết số {number} ({key} để đánh giá từng nhiệm vụ):", "Resolution {number} ({key} to review each item):";
    ReviewTitle => "Đánh giá thực hiện nghị quyết số {number}", "Review of resolution {number}";
    FormProgress => "Tiến độ", "Progress";
    FormDone => "Hoàn thành", "Done";
    FormCarryOver => "Chuyển kỳ sau", "Carry over";
    FormCancelTask => "Hủy nhiệm vụ", "Cancel the item";
    FormAddTask => "Thêm nhiệm vụ", "Add an item";
    FormEditTask => "Sửa nhiệm vụ", "Edit the item";
    FormNewResolution => "Nghị quyết mới", "New resolution";
    FormEditResolution => "Sửa nghị quyết", "Edit the resolution";
    FormSupersede => "Bị thay thế bởi", "Superseded by";
    FieldProgress => "Tiến độ, kết quả", "Progress";
    FieldPercent => "Phần trăm", "Percent";
    FieldNoteDate => "Ngày ghi", "Date of the note";
    FieldNewDue => "Hạn mới", "New due date";
    ErrDueNotLater => "Hạn mới phải sau hạn hiện tại của nhiệm vụ.", "The new due date must be after the current one.";
    FieldReporter => "Người báo cáo", "Reported by";
    FieldResult => "Kết quả", "Result";
    FieldTaskContent => "Nội dung nhiệm vụ", "Item";
    FieldLead => "Chủ trì thực hiện", "Lead";
    FieldHelpers => "Phối hợp", "Helpers";
    FieldDue => "Thời hạn", "Due";
    FieldNumber => "Số", "Number";
    FieldResolutionTitle => "Trích yếu", "Title";
    FieldAdoptedOn => "Ngày thông qua", "Adopted on";
    FieldBasis => "Căn cứ", "Basis";
    FieldResults => "Kết quả tháng trước", "Last month's results";
    FieldSupersededBy => "Số nghị quyết thay thế", "Number of the later resolution";
    ErrNumberTaken => "Số này đã dùng trong năm; chọn số khác.", "This number is taken this year.";
    ErrNumberForm => "Số phải có dạng 12-NQ/CB.", "A number looks like 12-NQ/CB.";
    ErrPercent => "Từ 0 đến 100.", "From 0 to 100.";
    ErrNoSuchResolution => "Không có nghị quyết số này.", "No resolution has this number.";
    TaskClosed => "Nhiệm vụ này đã đóng (hoàn thành hoặc hủy).", "This item is closed (done or cancelled).";
    AlreadyAdopted => "Nghị quyết đã được thông qua.", "The resolution is already adopted.";
    FormAdopt => "Thông qua nghị quyết", "Adopt the resolution";
    FieldAdoptedBy => "Biểu quyết thông qua", "Adopted by the vote";
    NoVoteLink => "(không gắn biểu quyết)", "(no vote linked)";
    ErrAdoptedBeforeVote => "Ngày thông qua không thể trước ngày biểu quyết.", "The adoption date cannot be before the vote.";
    ResolutionAdopted => "Đã ghi nghị quyết được thông qua.", "The resolution is recorded as adopted.";
    SavedDraft => "Đã lưu dự thảo; khi chi bộ đã biểu quyết, mở nghị quyết và chọn «thông qua nghị quyết».", "Saved as a draft; once the branch has voted, open it and choose «adopt».";
    NoPreviousResolution => "Chưa có nghị quyết tháng trước để đánh giá.", "There is no earlier resolution to review.";
    ProgressNoted => "Đã ghi tiến độ.", "Progress recorded.";
    TaskDone => "Đã ghi hoàn thành.", "Marked done.";
    TaskCarried => "Đã chuyển kỳ sau.", "Carried over.";
    TaskCancelled => "Đã hủy nhiệm vụ.", "Item cancelled.";
    Reassigned => "Đã giao cho đồng chí khác.", "Reassigned.";
    ResolutionExists => "Cuộc họp này đã có nghị quyết.", "This meeting already has its resolution.";
    DraftNoConclusion => "Chưa có kết luận của chủ trì: ghi kết luận ({key}), biểu quyết thông qua rồi soạn nghị quyết.", "No conclusion of the chair yet: write it ({key}), vote it through, then draft the resolution.";
    DraftNotVoted => "Kết luận chưa được biểu quyết: biểu quyết thông qua kết luận ({key}) rồi soạn nghị quyết.", "The conclusion has not been voted on: vote it through ({key}), then draft the resolution.";
    DraftNotPassed => "Biểu quyết «{subject}» không thông qua: không soạn nghị quyết.", "The vote «{subject}» did not pass: no resolution drafted.";
    Drafted => "Đã soạn dự thảo nghị quyết số {number} với {n} nhiệm vụ; hãy kiểm tra, giao người và hạn.", "Drafted resolution {number} with {n} items: check, assign and date them.";

    ColMember => "Họ và tên", "Member";
    ColOpen => "Đang mở", "Open";
    ColDoneYear => "Xong (năm)", "Done (year)";
    ColNearest => "Hạn gần nhất", "Nearest due";
    ColSource => "Nguồn", "Source";
    ColCategory => "Loại việc", "Category";
    SourceDirect => "trực tiếp", "direct";
    Unassigned => "⚠ {n} đồng chí chưa được phân công nhiệm vụ", "⚠ {n} members have no assignment";
    AllAssigned => "Mọi đồng chí đều đã được phân công nhiệm vụ.", "Every member has an assignment.";
    MarkedCount => "đã đánh dấu {n}", "{n} marked";
    TasksByMember => "Theo đảng viên", "By member";
    TasksAll => "Tất cả nhiệm vụ", "All tasks";
    TaskFilters => "tình trạng: {status}  đồng chí: {member}  loại: {category}  tháng: {month}  nguồn: {source}", "status: {status}  member: {member}  category: {category}  month: {month}  source: {source}";
    FilterOpen => "đang mở", "open";
    FilterResolution => "nghị quyết", "resolution";
    NoTasks => "Không có nhiệm vụ nào. Nhấn {key} để giao nhiệm vụ.", "No tasks. Press {key} to assign one.";
    FormNewTask => "Giao nhiệm vụ", "Assign a task";
    FormBulkTask => "Giao nhiệm vụ cho {n} đồng chí", "Assign a task to {n} members";
    FieldDetails => "Chi tiết", "Details";
    FieldCategory => "Loại việc", "Category";
    FieldArea => "Địa bàn, hộ phụ trách", "Area, households";
    FieldMode => "Cách giao", "How";
    ModeEach => "mỗi đồng chí một nhiệm vụ", "each their own";
    ModeShared => "một nhiệm vụ chung", "one shared task";
    FieldRating => "Đánh giá", "Rating";
    FieldResolutionLink => "Thuộc nghị quyết", "Item of resolution";
    NoResolutionLink => "(không, giao trực tiếp)", "(none, direct)";
    RatingNone => "chưa đánh giá", "not rated";
    RatingExceeded => "vượt mức", "exceeded";
    RatingMet => "đạt", "met";
    RatingNotMet => "không đạt", "not met";
    Assigned => "Đã giao {n} nhiệm vụ.", "{n} tasks assigned.";
    NobodyMarked => "Chưa đánh dấu đồng chí nào (phím cách).", "Nobody is marked (space).";
    NobodyUnassigned => "Mọi đồng chí đã có nhiệm vụ.", "Everyone already has a task.";
    ConfirmOpenTasksTitle => "Còn nhiệm vụ đang mở", "Open tasks left";
    ConfirmOpenTasks => "Đ/c {name} còn {n} nhiệm vụ đang mở. Mở danh sách để giao lại hoặc hủy?", "{name} still has {n} open tasks. Open them to reassign or close?";
    ConfirmHelperTasks => "Đ/c {name} đang giúp {help} nhiệm vụ đang mở. Rút đồng chí khỏi các nhiệm vụ đó?", "{name} helps with {help} open tasks. Take them off those tasks?";
    ConfirmLeadAndHelperTasks => "Đ/c {name} chủ trì {n} và giúp {help} nhiệm vụ đang mở. Rút đồng chí khỏi {help} nhiệm vụ giúp và mở {n} nhiệm vụ chủ trì để giao lại hoặc hủy?", "{name} leads {n} and helps with {help} open tasks. Take them off the {help} they help with and open the {n} they lead to reassign or close?";
    HelperRemoved => "Đã rút đ/c {name} khỏi {n} nhiệm vụ giúp.", "{name} taken off {n} tasks they helped with.";
    ErrNotAssignable => "Có đồng chí không thể giao nhiệm vụ (xem dòng thông báo).", "Someone named cannot be given tasks (see the message line).";
    ErrExemptNoTask => "Đ/c {name} được miễn công tác và sinh hoạt: không giao nhiệm vụ.", "{name} is exempt: no tasks are given.";
    ErrLeftNoTask => "Đ/c {name} không còn sinh hoạt tại chi bộ ({activity}): không giao nhiệm vụ.", "{name} has left the branch ({activity}): no tasks are given.";
    RecordLine => "Năm {year}: dự họp {attended}/{meetings}{percent} (vắng có lý do {excused}, không lý do {absent})", "{year}: attended {attended}/{meetings}{percent} (excused {excused}, unexcused {absent})";
    RecordTasks => "Nhiệm vụ {assigned}: đúng hạn {on_time}{percent}, trễ hạn {late}, chưa xong {not_done}, đang thực hiện {open}", "Tasks {assigned}: on time {on_time}{percent}, late {late}, not done {not_done}, open {open}";
    RecordRatings => "Đánh giá: vượt mức {exceeded}, đạt {met}, không đạt {not_met}", "Ratings: exceeded {exceeded}, met {met}, not met {not_met}";
    RecordFlag => "⚠ Vắng không lý do trong {n} tháng của năm: xem xét theo quy định xóa tên", "⚠ Unexcused absences in {n} months of the year: consider striking off";

    CliAbout => "Sổ tay bí thư chi bộ: mở ứng dụng, hoặc chạy một lệnh rồi thoát", "The party branch secretary's console: open the application, or run one command and exit";
    CliUsage => "Cách dùng:", "Usage:";
    CliOptions => "Tùy chọn", "Options";
    CliArguments => "Đối số", "Arguments";
    CliCommands => "Lệnh", "Commands";
    CliDefault => "[mặc định: {value}]", "[default: {value}]";
    CliValues => "[giá trị: {values}]", "[possible values: {values}]";
    CliHelp => "In trợ giúp này", "Print this help";
    CliVersion => "In phiên bản", "Print the version";
    CliDataDir => "Thư mục dữ liệu (mặc định: thư mục dữ liệu của hệ thống; hoặc biến CHIBO_DATA_DIR)", "Where the data lives (default: the platform's data directory; or the CHIBO_DATA_DIR variable)";
    CliLang => "Ngôn ngữ giao diện và dòng lệnh (mặc định: lang trong config.toml, nếu không có thì vi)", "Language of the screens and the command line (default: lang in config.toml, otherwise vi)";
    CliDemo => "Tạo một chi bộ mẫu giống thật (dữ liệu minh họa)", "Fill the data with a realistic demo branch (sample data)";
    CliDemoMembers => "Số đảng viên của chi bộ mẫu", "How many members the demo branch has";
    CliDemoYears => "Số năm sinh hoạt được tạo (cuộc họp, nghị quyết, nhiệm vụ)", "How many years of meetings, resolutions and tasks to make";
    CliDemoSeed => "Hạt giống ngẫu nhiên: cùng hạt giống cho cùng dữ liệu", "Random seed: the same seed makes the same data";
    CliForce => "Thay dữ liệu hiện có (được sao lưu trước)", "Replace existing data (it is backed up first)";
    CliAscii => "Khung và ký hiệu ASCII, 8 màu, cho terminal hạn chế (tự chọn khi TERM là linux, vt100, vt220, dumb)", "ASCII borders and symbols, 8 colours, for a limited terminal (chosen by itself for TERM linux, vt100, vt220, dumb)";
    CliImport => "Nhập bản ghi từ một tệp", "Import records from a file";
    CliImportMembers => "Nhập đảng viên từ danh sách CSV, XLSX hoặc JSON; không nhập gì nếu có một dòng sai", "Members from a CSV, XLSX or JSON roster; nothing is imported unless every row is valid";
    CliImportFile => "Tệp danh sách (.csv, .xlsx hoặc .json)", "The roster file (.csv, .xlsx or .json)";
    CliDryRun => "Chỉ kiểm tra tệp và cho biết sẽ nhập hoặc thay đổi gì, không ghi", "Check the file and show what would be imported or changed, without writing";
    CliUpdate => "Cập nhật đảng viên khớp với dòng (theo số thẻ, hoặc họ tên và ngày sinh) và thêm người còn lại; chỉ đổi các cột có trong tệp", "Update the members the rows match (by card number, or by full name and birth date) and add the others; only the file's columns are changed";
    CliSheet => "Trang tính cần đọc của tệp .xlsx (mặc định: trang đầu)", "The sheet of an .xlsx file to read (default: the first)";
    CliExport => "Xuất bản ghi ra tệp hoặc ra màn hình", "Export records to a file or standard output";
    CliExportResolution => "Một nghị quyết, theo số hoặc mã", "A resolution, by number or id";
    CliResolution => "Số nghị quyết (\"12-NQ/CB\" hoặc 12, của năm gần nhất) hoặc mã", "The resolution's number (\"12-NQ/CB\" or 12, the latest year's) or id";
    CliExportMinutes => "Biên bản một cuộc họp", "The minutes (biên bản) of a meeting";
    CliMeeting => "Mã cuộc họp, hoặc YYYY-MM cho cuộc họp thường kỳ của tháng đó", "The meeting's id, or YYYY-MM for that month's regular meeting";
    CliDocumentFormat => "Định dạng: md, txt, docx (Word, theo thể thức văn bản của Đảng), pdf (tạo từ bản Word, cần LibreOffice)", "Format: md, txt, docx (Word, in the form of party documents), pdf (made from the Word document, needs LibreOffice)";
    CliExportMembers => "Danh sách đảng viên, theo thứ tự danh sách", "The roster, in roster order";
    CliRosterFormat => "Định dạng: csv, json (mọi trường, nhập lại được), xlsx (bảng tính Excel)", "Format: csv, json (every field, imports back), xlsx (an Excel workbook)";
    CliOut => "Tệp để ghi (mặc định, hoặc -: ra màn hình)", "The file to write (default, or -: standard output)";
    CliBackup => "Ghi một bản sao lưu JSON đầy đủ (mặc định: vào thư mục backups/ của dữ liệu)", "Write a full JSON backup (default: into the data directory's backups/)";
    CliBackupFile => "Tệp để ghi bản sao lưu", "The file to write the backup to";
    CliBackupList => "Liệt kê các bản sao lưu trong thư mục dữ liệu, mới nhất trước", "List the backups in the data directory instead, newest first";
    CliRestore => "Thay dữ liệu bằng một bản sao lưu", "Replace the data with a backup";
    CliRestoreFile => "Tệp sao lưu cần khôi phục", "The backup file to restore";
    CliLatest => "Bản sao lưu mới nhất dùng được trong thư mục dữ liệu", "The newest usable backup in the data directory";
    CliReport => "Một báo cáo để in hoặc dùng trong script", "A report for scripts or printing";
    CliReportKind => "Loại báo cáo: overdue (nhiệm vụ quá hạn), followup (theo dõi một tháng: quá hạn, đến hạn, hoàn thành), coverage (phân công của từng đảng viên), attendance (dự họp và nhiệm vụ trong năm của từng đảng viên), meetings (chất lượng các buổi sinh hoạt trong năm), evaluation (đánh giá, xếp loại đảng viên cuối năm), dues (sổ đảng phí của một tháng hoặc một năm)", "Which report: overdue (open items past their due date), followup (a month: overdue, due, done), coverage (every active member's tasks), attendance (each member's year: meetings and tasks), meetings (the quality of the year's meetings), evaluation (the year-end grading of the members), dues (the dues ledger of a month or a year)";
    CliMonth => "Tháng (YYYY-MM) của báo cáo followup, coverage hoặc dues (mặc định: tháng này)", "The month (YYYY-MM) of a followup, coverage or dues report (default: this month)";
    CliYear => "Năm của báo cáo attendance, meetings, evaluation hoặc dues (mặc định: năm nay)", "The year of an attendance, meetings, evaluation or dues report (default: this year)";
    CliMember => "Phiếu của một đảng viên trong báo cáo evaluation (\"Họ Tên\")", "One member's own sheet of the evaluation report (\"Họ Tên\")";
    CliReportFormat => "Định dạng: txt, csv, json, docx (Word, theo thể thức văn bản của Đảng), xlsx (bảng tính Excel, ngày là ngày)", "Format: txt, csv, json, docx (Word, in the form of party documents), xlsx (an Excel workbook, dates as dates)";
    CliCheck => "Kiểm tra cơ sở dữ liệu và in số lượng bản ghi", "Verify the database and print counts";
    CliKeymap => "Kiểm tra hoặc xem bảng phím", "Check or show the keymap";
    CliKeymapCheck => "Kiểm tra một tệp bảng phím (mặc định: keymap.toml của người dùng)", "Validate a keymap file (default: the user's keymap.toml)";
    CliKeymapFile => "Tệp bảng phím cần kiểm tra", "The keymap file to check";
    CliKeymapShow => "In các phím đang dùng và nơi đặt tệp của người dùng", "Print the effective bindings and where the user file lives";
    CliCheckData => "dữ liệu: {dir}", "data: {dir}";
    CliCheckSchema => "lược đồ: {n}", "schema: {n}";
    CliCheckBranch => "chi bộ: {name}", "branch: {name}";
    CliCheckDemo => "  dữ liệu mẫu: `chibo demo --clear` cất nó vào bản sao lưu và mở chỗ cho chi bộ thật", "  demo data: `chibo demo --clear` puts it in a backup and makes room for the real branch";
    CliCheckNoBranch => "(chưa có)", "(none yet)";
    CliCheckMembers => "đảng viên: {n} (trong danh sách {roster})", "members: {n} ({roster} on the roster)";
    CliCheckMeetings => "cuộc họp: {n}", "meetings: {n}";
    CliCheckResolutions => "nghị quyết: {n}", "resolutions: {n}";
    CliCheckTasks => "nhiệm vụ: {n}", "tasks: {n}";
    CliCheckAudit => "nhật ký: {n}", "audit log: {n}";
    CliCheckSize => "dung lượng: {n} KiB", "size: {n} KiB";
    CliCheckGood => "kết quả: tốt", "result: good";
    CliDemoMade => "đã tạo chi bộ mẫu: {n} đảng viên ({dir})", "demo branch made: {n} members ({dir})";
    CliNoBackups => "chưa có bản sao lưu nào trong {dir}", "no backups yet in {dir}";
    CliBackupBroken => "HỎNG, không dùng được: {why}", "BROKEN, cannot be used: {why}";
    CliBackupAhead => "ghi ngày sau hôm nay (đồng hồ sai?)", "dated ahead of the clock (is the clock wrong?)";
    CliCannotWrite => "không ghi được {file}", "cannot write {file}";
    CliCannotRead => "không đọc được {file}: {err}", "cannot read {file}: {err}";
    CliBackupMismatch => "{file}: bản sao lưu đọc lại không khớp với bản đã ghi", "{file}: the backup did not read back as written";
    CliNotEmpty => "dữ liệu ở {dir} không trống; dùng --force để thay (dữ liệu hiện tại được sao lưu trước)", "the data in {dir} is not empty; use --force to replace it (the current data is backed up first)";
    CliBackedUp => "đã sao lưu dữ liệu hiện tại vào {file}", "the current data was backed up to {file}";
    CliSkipped => "bỏ qua {file}: {why}", "skipped {file}: {why}";
    CliNoUsableBackup => "không có bản sao lưu dùng được trong {dir}", "no usable backup in {dir}";
    CliBrokenKept => "dữ liệu hỏng được giữ lại ở {dir}", "the damaged data is kept in {dir}";
    CliOldKept => "dữ liệu cũ được giữ ở {dir} đến lần mở sau", "the old data is kept in {dir} until the next opening";
    CliRestored => "đã khôi phục {n} bản ghi từ {file}", "restored {n} records from {file}";
    CliCannotRename => "không đổi tên được {file}: {err}", "cannot rename {file}: {err}";
    CliNoWorkbook => "không tạo được tệp Excel: {err}", "cannot make the workbook: {err}";
    CliBadMonth => "tháng \"{month}\" không hợp lệ (YYYY-MM)", "month \"{month}\" is not valid (YYYY-MM)";
    CliBinaryToTerminal => "tệp .{kind} không hiện được trên màn hình: dùng --out TỆP.{kind}", "a .{kind} file cannot be shown in a terminal: use --out FILE.{kind}";
    CliNoLibreOffice => "cần LibreOffice để tạo PDF: sudo apt-get install libreoffice-writer-nogui (Windows, macOS: https://www.libreoffice.org/download/), hoặc dùng --format docx", "PDF needs LibreOffice: sudo apt-get install libreoffice-writer-nogui (Windows, macOS: https://www.libreoffice.org/download/), or use --format docx";
    CliNoPdf => "không tạo được PDF: {err}", "cannot make the PDF: {err}";
    CliNoMeeting => "không có cuộc họp \"{meeting}\" (mã số, hoặc YYYY-MM cho cuộc họp thường kỳ của tháng)", "no meeting \"{meeting}\" (its id, or YYYY-MM for that month's regular meeting)";
    CliNoResolution => "không có nghị quyết \"{resolution}\" (số như 12-NQ/CB hoặc 12)", "no resolution \"{resolution}\" (a number such as 12-NQ/CB or 12)";
    CliNotADate => "CHIBO_TODAY=\"{value}\" không phải ngày (YYYY-MM-DD)", "CHIBO_TODAY=\"{value}\" is not a date (YYYY-MM-DD)";
    CliRestoreLatest => "{err} — khôi phục bản sao lưu gần nhất: chibo restore --latest --force", "{err} — restore the latest backup: chibo restore --latest --force";
    // the command line's reports, their CSV and workbook headers, usage errors, the
    // running application's answer to read-only commands, the demo branch
    RptAsOf => "{title} (tính đến {date})", "{title} (as of {date})";
    RptOverdueTitle => "NHIỆM VỤ QUÁ HẠN", "OVERDUE ITEMS";
    RptFollowupTitle => "THEO DÕI THỰC HIỆN NGHỊ QUYẾT THÁNG {month}", "FOLLOW-UP OF THE RESOLUTIONS, MONTH {month}";
    RptCoverageTitle => "PHÂN CÔNG NHIỆM VỤ ĐẢNG VIÊN THÁNG {month}", "MEMBERS' TASKS, MONTH {month}";
    RptAttendanceTitle => "KẾT QUẢ SINH HOẠT VÀ THỰC HIỆN NHIỆM VỤ NĂM {year}", "MEETINGS ATTENDED AND TASKS CARRIED OUT IN {year}";
    RptSheetOverdue => "Quá hạn", "Overdue";
    RptSheetFollowup => "Theo dõi", "Follow-up";
    RptSheetCoverage => "Phân công", "Coverage";
    RptSheetAttendance => "Sinh hoạt và nhiệm vụ", "Meetings and tasks";
    RptNoItems => "Không có nhiệm vụ nào.", "No items.";
    RptNotAssigned => "(chưa phân công)", "(not assigned)";
    RptLine => "{res}{title} — đ/c {lead}; hạn {due}{carried}; {status}{late}", "{res}{title} — {lead}; due {due}{carried}; {status}{late}";
    RptLate => ", quá hạn {n} ngày", ", {n} days overdue";
    RptCarried => " (chuyển từ {from})", " (carried from {from})";
    RptCarriedFirst => " (hạn ban đầu {first}, chuyển từ {from})", " (first due {first}, carried from {from})";
    RptGroupOverdue => "QUÁ HẠN", "OVERDUE";
    RptGroupDue => "ĐẾN HẠN TRONG THÁNG", "DUE THIS MONTH";
    RptGroupCarried => "ĐẾN HẠN TRONG THÁNG, ĐÃ CHUYỂN KỲ SAU", "DUE THIS MONTH, CARRIED OVER";
    RptGroupDone => "HOÀN THÀNH", "DONE";
    RptGroupCancelled => "ĐÃ HỦY", "CANCELLED";
    RptGroupLater => "SAU ĐÓ", "LATER";
    RptUnassigned => "{n} đồng chí chưa được phân công nhiệm vụ.", "Members with no task: {n}.";
    RptAllAssigned => "Mọi đồng chí đều đã được phân công nhiệm vụ.", "Every member has a task.";
    RptFlagged => "{member}: vắng không lý do trong {n} tháng của năm: xem xét theo quy định xóa tên", "{member}: absent without a reason in {n} months of the year: to be considered for striking off under the rules";
    RptFlaggedDues => "{member}: không đóng đảng phí {n} tháng trong năm: xem xét theo quy định xóa tên", "{member}: dues unpaid in {n} months of the year: to be considered for striking off under the rules";
    RptToConsider => "ĐỀ NGHỊ XEM XÉT", "TO BE CONSIDERED";
    RptColGroup => "Nhóm", "Group";
    RptColResolution => "Nghị quyết", "Resolution";
    RptColTitle => "Nội dung", "Item";
    RptColLead => "Chủ trì", "Lead";
    RptColDue => "Hạn", "Due";
    RptColFirstDue => "Hạn ban đầu", "First due";
    RptColStatus => "Tình trạng", "Status";
    RptColDaysOverdue => "Số ngày quá hạn", "Days overdue";
    RptColLastNote => "Ghi chú mới nhất", "Latest note";
    RptColMember => "Họ và tên", "Full name";
    RptColStanding => "Đảng tịch", "Standing";
    RptColOpen => "Đang mở", "Open";
    RptColOverdue => "Quá hạn", "Overdue";
    RptColDoneInMonth => "Hoàn thành trong tháng", "Done in the month";
    RptColNearestDue => "Hạn gần nhất", "Nearest due";
    RptColMeetings => "Số kỳ họp", "Meetings";
    RptColAttended => "Dự họp", "Attended";
    RptColAttendedPct => "Tỷ lệ dự họp (%)", "Attended (%)";
    RptColExcused => "Vắng có lý do", "Absent with a reason";
    RptColAbsent => "Vắng không lý do", "Absent without a reason";
    RptColAbsentMonths => "Số tháng vắng không lý do", "Months absent without a reason";
    RptColTasks => "Nhiệm vụ", "Tasks";
    RptColOnTime => "Đúng hạn", "On time";
    RptColOnTimePct => "Tỷ lệ đúng hạn (%)", "On time (%)";
    RptColLate => "Trễ hạn", "Late";
    RptColNotDone => "Chưa xong", "Not done";
    RptColInProgress => "Đang thực hiện", "In progress";
    RptColExceeded => "Vượt mức", "Exceeded";
    RptColMet => "Đạt", "Met";
    RptColNotMet => "Không đạt", "Not met";
    CliLiveCheck => "đọc qua cửa sổ chibo đang mở (một bản chụp nhất quán)", "read through the open chibo window (a consistent copy)";
    CliLiveNoAnswer => "dữ liệu ở {dir} đang mở trong một cửa sổ chibo khác, và cửa sổ đó không trả lời được (phiên bản khác?)", "the data in {dir} is open in another chibo window, which gave no usable answer (another version?)";
    CliLiveChanging => "dữ liệu thay đổi liên tục trong cửa sổ chibo đang mở; hãy thử lại", "the data kept changing in the open chibo window; try again";
    DemoTitle => "{name} · chi bộ mẫu (demo)", "{name} · demo branch";
    WelcomeDemoClear => "sau đó, chibo demo --clear bắt đầu chi bộ thật", "later, chibo demo --clear starts the real branch";
    CliDemoClear => "Xóa chi bộ mẫu để bắt đầu chi bộ thật (chi bộ mẫu được giữ trong một bản sao lưu)", "Remove the demo branch to start the real one (the demo is kept in a backup)";
    CliDemoCleared => "đã xóa chi bộ mẫu, được giữ trong {file}; mở chibo để tạo chi bộ thật", "the demo branch was removed and is kept in {file}; open chibo to create the real branch";
    CliNotDemo => "dữ liệu ở {dir} không phải chi bộ mẫu; không xóa gì (thay dữ liệu: chibo restore, chibo demo --force)", "the data in {dir} is not the demo branch; nothing was removed (to replace data: chibo restore, chibo demo --force)";
    CliNothingToClear => "không có dữ liệu ở {dir}; mở chibo để tạo chi bộ", "there is no data in {dir}; open chibo to create the branch";
    UsageUnknownOption => "không có tùy chọn {arg}", "unknown option {arg}";
    UsageUnexpected => "đối số thừa: {arg}", "unexpected argument: {arg}";
    UsageUnknownCommand => "không có lệnh {arg}", "unknown command {arg}";
    UsageDidYouMean => " (có phải {hint}?)", " (did you mean {hint}?)";
    UsageBadValue => "giá trị \"{value}\" không hợp lệ cho {arg}", "invalid value \"{value}\" for {arg}";
    UsageValues => " (các giá trị: {values})", " (possible values: {values})";
    UsageNoValue => "{arg} cần một giá trị", "{arg} needs a value";
    UsageMissing => "thiếu {arg}", "missing {arg}";
    UsageConflict => "không dùng {arg} cùng với {other}", "{arg} cannot be used with {other}";
    UsageNoCommand => "{command} cần một lệnh (các lệnh: {values})", "{command} needs a command (one of: {values})";
    UsageOther => "dòng lệnh không hợp lệ: {err}", "the command line is not valid: {err}";
    UsageMore => "Xem thêm: {command} --help", "For more information: {command} --help";
    // the meetings report (the quality of the year's meetings)
    RptMeetingsTitle => "CHẤT LƯỢNG SINH HOẠT CHI BỘ NĂM {year}", "THE QUALITY OF THE BRANCH'S MEETINGS IN {year}";
    RptSheetMeetings => "Chất lượng sinh hoạt", "Meeting quality";
    RptNoMeetings => "Chưa có buổi sinh hoạt nào được tổ chức trong năm {year}.", "No meeting was held in {year}.";
    RptEachMeeting => "I. TỪNG BUỔI SINH HOẠT", "I. EACH MEETING";
    RptByQuarter => "II. THEO QUÝ", "II. BY QUARTER";
    RptToNote => "CẦN LƯU Ý", "TO NOTE";
    RptNoThematic => "Quý {quarter}/{year}: không có buổi sinh hoạt chuyên đề", "Quarter {quarter}/{year}: no thematic meeting";
    RptTooShort => "{date}: họp {minutes} phút, dưới thời lượng tối thiểu {minimum} phút", "{date}: the meeting lasted {minutes} minutes, under the minimum of {minimum}";
    RptItemsNoLead => "{date}: {n} trong {items} nhiệm vụ của nghị quyết chưa giao người phụ trách", "{date}: {n} of the resolution's {items} items name nobody to lead them";
    RptNobodySpoke => "{date}: không có đảng viên phát biểu", "{date}: no member spoke";
    RptWithThematic => "thường kỳ và chuyên đề", "regular and thematic";
    RptYes => "có", "yes";
    RptNo => "không", "no";
    RptColDate => "Ngày", "Date";
    RptColKind => "Loại", "Kind";
    RptColSpeakers => "Số người phát biểu", "Speakers";
    RptColItemsWithLead => "Nhiệm vụ có người phụ trách", "Items with a lead";
    RptColLength => "Thời lượng (phút)", "Length (minutes)";
    RptColMinimum => "Tối thiểu (phút)", "Minimum (minutes)";
    RptColThematicInQuarter => "Chuyên đề trong quý", "Thematic in the quarter";
    RptColGuests => "Khách mời", "Guests";
    RptColQuarter => "Quý", "Quarter";
    RptColMeetingsHeld => "Số buổi", "Meetings";
    RptColMeanAttendance => "Tỷ lệ dự họp bình quân (%)", "Mean attendance (%)";
    RptColMeanSpeakers => "Phát biểu bình quân mỗi buổi", "Speakers per meeting";
    RptColLongEnough => "Số buổi đủ thời lượng", "Long enough";
    RptColThematic => "Có sinh hoạt chuyên đề", "Thematic meeting";
    // party dues
    ActPrevMonth => "tháng trước", "previous month";
    ActNextMonth => "tháng sau", "next month";
    ActPay => "nộp đảng phí", "payment";
    ActSetBasis => "mức đóng", "basis";
    ActCorrectDues => "điều chỉnh", "correction";
    ActMarkSent => "nộp cấp trên", "sent up";
    ActMarkPaid => "đã đóng đảng phí", "dues paid";
    DuesTitle => "Đảng phí tháng {month}", "Dues for {month}";
    ColBasisDues => "Mức đóng", "Basis";
    ColDuesDue => "Phải nộp", "Due";
    ColPaid => "Đã nộp", "Paid";
    ColOwed => "Còn nợ", "Owed";
    ColOwedMonths => "Tháng nợ", "Months owed";
    DuesTotals => "Phải thu {expected} · đã thu {collected} · còn thiếu {arrears} (đồng)", "Due {expected} · collected {collected} · short {arrears} (đồng)";
    DuesShares => "Chi bộ giữ {branch} ({percent}%) · cấp trên {upper}", "The branch keeps {branch} ({percent}%) · upper level {upper}";
    DuesSentOn => "đã nộp {amount} ngày {date}", "{amount} sent on {date}";
    DuesSentAllOn => "đã nộp ngày {date}", "sent on {date}";
    DuesNotSent => "chưa nộp lên", "not sent yet";
    DuesNotOpen => "Sổ đảng phí chưa có khoản nào: khoản nộp đầu tiên mở sổ từ tháng đó.", "The dues ledger has no entry yet: the first payment opens it from its month.";
    DuesBeforeOpen => "Sổ đảng phí mở từ tháng {month}: trước đó không tính đảng phí.", "The dues ledger opens in {month}: nothing is counted before.";
    DuesNone => "Tháng này không có đảng viên nào đóng đảng phí ở chi bộ.", "Nobody pays dues to the branch this month.";
    DuesNoMember => "Chưa chọn đảng viên.", "No member selected.";
    DuesPayTitle => "Nộp đảng phí — đ/c {name}", "Dues payment — {name}";
    DuesBasisTitle => "Mức đóng đảng phí — đ/c {name}", "Dues basis — {name}";
    DuesCorrectTitle => "Điều chỉnh đảng phí — đ/c {name}", "Dues correction — {name}";
    DuesSentTitle => "Nộp cấp trên — tháng {month}", "Sent to the upper level — {month}";
    FieldAmount => "Số tiền (đồng)", "Amount (đồng)";
    FieldPaidOn => "Ngày nộp", "Paid on";
    FieldSentOn => "Ngày nộp lên", "Sent on";
    FieldFromMonth => "Từ tháng (MM/YYYY)", "From month (MM/YYYY)";
    FieldMonth => "Tháng (MM/YYYY)", "Month (MM/YYYY)";
    FieldMonthsCount => "Số tháng", "Months";
    FieldDuesBasis => "Căn cứ", "Basis";
    FieldBasisAmount => "Lương, lương hưu hoặc mức cố định (đồng)", "Salary, pension or fixed amount (đồng)";
    FieldCorrection => "Số tiền điều chỉnh (+/- đồng)", "Change (+/- đồng)";
    BasisSalary => "lương", "salary";
    BasisPension => "lương hưu", "pension";
    BasisOther => "mức chung", "flat amount";
    BasisFixed => "mức cố định", "fixed amount";
    BasisExempt => "miễn", "exempt";
    ErrAmount => "Số tiền là số đồng lớn hơn 0, ví dụ 85.000.", "An amount is a number of đồng above 0, e.g. 85.000.";
    ErrCorrection => "Số tiền điều chỉnh khác 0, ví dụ -30.000 hoặc 5.000.", "A change is not 0, e.g. -30.000 or 5.000.";
    ErrMonth => "Tháng viết MM/YYYY, ví dụ 12/2026.", "A month is written MM/YYYY, e.g. 12/2026.";
    ErrMonthsCount => "Từ 1 đến 24 tháng.", "From 1 to 24 months.";
    ErrNothingDue => "Không còn ngần ấy tháng phải nộp từ tháng này.", "Not that many months are still due from this month.";
    ErrAmountShort => "Số tiền không đủ cho ngần ấy tháng.", "Too little for that many months.";
    ErrDuesOrder => "Ngày này trước khoản ghi cuối cùng của sổ đảng phí.", "This date is before the last entry of the dues ledger.";
    DuesPaid => "Đ/c {name} đã nộp {amount} đồng đảng phí tháng {months}.", "{name} paid {amount} đồng of dues for {months}.";
    DuesAlreadyPaid => "Đ/c {name} đã nộp đủ đảng phí tháng {month}.", "{name} has paid the dues for {month} already.";
    DuesNotHere => "Đ/c {name} không đóng đảng phí ở chi bộ tháng {month}.", "{name} pays no dues to the branch for {month}.";
    DuesBasisSet => "Đ/c {name}: {amount} đồng mỗi tháng từ tháng {month}.", "{name}: {amount} đồng a month from {month}.";
    DuesCorrected => "Đã ghi điều chỉnh đảng phí tháng {month} của đ/c {name}.", "Correction recorded for {name}, {month}.";
    DuesSentSaved => "Đã ghi nộp cấp trên {amount} đồng của tháng {month}.", "{amount} đồng of {month} recorded as sent up.";
    DuesPaidMark => "đã đóng ĐP", "dues paid";
    RecordFlagDues => "⚠ Không đóng đảng phí {n} tháng trong năm: xem xét theo quy định xóa tên", "⚠ Dues unpaid in {n} months of the year: consider striking off";
    // the evaluation report (grading at the year's end)
    CliNoMember => "không có đảng viên \"{name}\" (họ và tên đầy đủ)", "no member \"{name}\" (the full name)";
    CliSeveralMembers => "{n} đảng viên tên \"{name}\": báo cáo cả chi bộ (bỏ --member) để phân biệt", "{n} members are named \"{name}\": report the whole branch (without --member) to tell them apart";
    RptEvaluationTitle => "ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM {year}", "GRADING OF THE MEMBERS, {year}";
    RptSheetEvaluation => "Xếp loại đảng viên", "Grading";
    EvalProposedNote => "Mức xếp loại đề xuất từ kết quả sinh hoạt, nhiệm vụ, sổ theo dõi và kỷ luật trong năm, theo quy định trong evaluation.toml; chi bộ thảo luận và biểu quyết quyết định.", "Grades proposed from the year's meetings, tasks, notebook and discipline under the rules of evaluation.toml; the branch discusses and decides by vote.";
    EvalTally => "SỐ LƯỢNG THEO MỨC XẾP LOẠI", "COUNT BY GRADE";
    EvalColGrade => "Mức xếp loại", "Grade";
    EvalColCount => "Số đảng viên", "Members";
    EvalColShare => "Tỷ lệ (%)", "Share (%)";
    EvalColTasks => "Nhiệm vụ đúng hạn", "Tasks on time";
    EvalColNotebook => "Sổ theo dõi", "Notebook";
    EvalNotebookCell => "{strengths} ưu điểm; {open} khuyết điểm chưa sửa; cam kết {met}/{commitments}", "{strengths} strengths; {open} shortcomings open; commitments {met}/{commitments}";
    EvalColDiscipline => "Kỷ luật", "Discipline";
    EvalColAwards => "Khen thưởng", "Awards";
    EvalColPoints => "Điểm", "Points";
    EvalColProposed => "Đề xuất", "Proposed";
    EvalExempt => "không xếp loại (miễn sinh hoạt)", "not graded (exempt)";
    EvalJoinedLate => "không xếp loại (mới vào Đảng)", "not graded (admitted recently)";
    EvalLeft => "không xếp loại (đã rời chi bộ)", "not graded (left the branch)";
    EvalAboveEvidence => "{member}: {given} cao hơn mức kết quả cho phép ({allowed}): {reason}", "{member}: {given} is above what the record allows ({allowed}): {reason}";
    EvalOverCap => "{excellent} đảng viên hoàn thành xuất sắc, vượt tỷ lệ cho phép ({cap} trên {good} hoàn thành tốt)", "{excellent} members graded excellent, over the cap ({cap} for {good} graded good)";
    EvalRuleAt => "quy định {rule}, {file} dòng {line}", "rule {rule}, {file} line {line}";
    EvalReasonPoints => "{points} điểm, cần {needed}", "{points} points, {needed} needed";
    EvalReasonOnTime => "{percent}% nhiệm vụ đúng hạn, cần {needed}%", "{percent}% of tasks on time, {needed}% needed";
    EvalReasonExceeded => "{percent}% nhiệm vụ vượt mức, cần {needed}%", "{percent}% of tasks beyond what was asked, {needed}% needed";
    EvalReasonShortcomings => "{n} khuyết điểm chưa sửa", "{n} shortcomings not corrected";
    EvalReasonTooFew => "hoàn thành {percent}% nhiệm vụ, dưới {needed}%", "{percent}% of tasks done, under {needed}%";
    EvalReasonDisciplined => "bị kỷ luật trong năm: cao nhất {grade}", "disciplined in the year: at most {grade}";
    EvalNotebook => "SỔ THEO DÕI", "NOTEBOOK";
    EvalDiscipline => "KỶ LUẬT", "DISCIPLINE";
    EvalAwards => "KHEN THƯỞNG", "AWARDS";
    EvalNothing => "Không có.", "None.";
    GradeExcellent => "Hoàn thành xuất sắc nhiệm vụ", "Excellent";
    GradeGood => "Hoàn thành tốt nhiệm vụ", "Good";
    GradeDone => "Hoàn thành nhiệm vụ", "Tasks completed";
    GradeNotDone => "Không hoàn thành nhiệm vụ", "Tasks not completed";
    DisciplineReprimand => "khiển trách", "reprimand";
    DisciplineWarning => "cảnh cáo", "warning";
    DisciplineRemoval => "cách chức", "removal from post";
    DisciplineExpulsion => "khai trừ", "expulsion";
    NoteStrength => "ưu điểm", "strength";
    NoteShortcoming => "khuyết điểm", "shortcoming";
    NoteCommitment => "cam kết", "commitment";
    NoteOther => "ghi nhận khác", "other";
    BackupFailed => "Không sao lưu tự động được: {err}", "The automatic backup failed: {err}";
    ErrInUse => "Dữ liệu ở {dir} đang được mở trong một cửa sổ chibo khác.", "The data in {dir} is open in another chibo window.";
    ErrNoData => "Không có dữ liệu chibo ở {dir} (kiểm tra lại --data-dir).", "There is no chibo data in {dir} (check --data-dir).";
    ErrNotChibos => "{dir} đã chứa tệp khác và không phải thư mục dữ liệu của chibo; hãy chọn một thư mục trống.", "{dir} holds other files and is not a chibo data folder; choose an empty folder.";
    ErrNotRegularFile => "{path} không phải tệp thường (thiết bị, liên kết hoặc thư mục); không ghi gì.", "{path} is not a regular file (a device, a link or a folder); nothing was written.";
    ErrLinkRefused => "{path} là một liên kết; chibo không ghi qua liên kết.", "{path} is a link; chibo does not write through links.";
    ErrNotADirectory => "{path} không phải thư mục.", "{path} is not a folder.";
    ErrNewerSchema => "Dữ liệu được ghi bởi phiên bản chibo mới hơn (lược đồ {found}); phiên bản này chỉ đọc được đến {supported}. Hãy cập nhật chibo.", "The data was written by a newer chibo (schema {found}); this version reads up to {supported}. Please update chibo.";
    ErrDiskFull => "Ổ đĩa đã đầy, chibo không ghi thêm được. Những gì đã lưu vẫn còn nguyên; hãy giải phóng chỗ trống rồi thử lại.", "The disk is full: chibo cannot write. What was saved is intact; free some space and try again.";
    ErrReadOnly => "Không ghi được vào thư mục dữ liệu (ổ đĩa chỉ đọc hoặc thiếu quyền). Những gì đã lưu vẫn còn nguyên.", "The data folder cannot be written (a read-only disk or no permission). What was saved is intact.";
    ErrWritesStopped => "Ổ đĩa đã từ chối một lần ghi, nên chibo ngừng ghi để giữ nguyên dữ liệu đã lưu. Giải phóng chỗ trống, rồi thoát (phần chưa lưu được ghi ra tệp riêng) và mở lại chibo.", "The disk refused a write, so chibo stopped writing to keep what is saved intact. Free some space, then quit (what is not saved goes to a separate file) and open chibo again.";
    ErrStorage => "Không đọc/ghi được dữ liệu: {err}", "Cannot read or write the data: {err}";
    // the dues report and the collection sheet
    RptDuesMonthTitle => "SỔ ĐẢNG PHÍ THÁNG {month}", "PARTY DUES, {month}";
    RptDuesYearTitle => "SỔ ĐẢNG PHÍ NĂM {year}", "PARTY DUES, {year}";
    RptSheetDues => "Đảng phí", "Dues";
    RptSheetDuesMonths => "Theo tháng", "By month";
    RptSheetDuesMembers => "Theo đảng viên", "By member";
    RptDuesByMonth => "THEO THÁNG", "BY MONTH";
    RptDuesByMember => "THEO ĐẢNG VIÊN", "BY MEMBER";
    RptDuesSentTotal => "đã nộp lên {amount}", "{amount} sent up";
    RptColMonth => "Tháng", "Month";
    RptColExpected => "Phải thu", "Due";
    RptColCollected => "Đã thu", "Collected";
    RptColArrears => "Còn thiếu", "Short";
    RptColBranchShare => "Chi bộ giữ", "Branch keeps";
    RptColUpperShare => "Phần cấp trên", "Upper level's share";
    RptColSent => "Đã nộp lên", "Sent up";
    RptColSentOn => "Ngày nộp lên", "Sent on";
    RptColUnpaidMonths => "Số tháng chưa đóng", "Months unpaid";
    RptDuesSheetTitle => "DANH SÁCH THU ĐẢNG PHÍ THÁNG {month}", "DUES COLLECTION SHEET, {month}";
    RptColNo => "STT", "No.";
    RptColProposed => "Số tiền (đồng)", "Amount (đồng)";
    RptColForMonths => "Nộp cho tháng", "For the months";
    RptColSignature => "Ký nộp", "Signature";
    RptDuesPaidUp => "đã nộp đủ", "paid up";
    RptDuesNothingDue => "không phải nộp", "nothing due";
    RptDuesSheetTotal => "Tổng số tiền đề nghị thu của {n} đồng chí: {amount} đồng.", "Proposed from {n} members in all: {amount} đồng.";
    RptDuesCollector => "NGƯỜI THU", "COLLECTED BY";
    CliDuesPeriod => "report dues nhận --month hoặc --year, không nhận cả hai", "report dues takes --month or --year, not both";
    RptDuesNoneInYear => "Năm này không có đảng viên nào đóng đảng phí ở chi bộ.", "Nobody paid dues to the branch that year.";
    CliDuesFutureYear => "năm {year} chưa đến: chưa có đảng phí nào để báo cáo", "{year} has not come yet: there are no dues to report";
    CliDuesSheet => "Danh sách thu đảng phí của tháng để in, có cột ký nộp (với dues --month)", "The month's dues collection sheet to print, with a column to sign (with dues --month)";
    CliSheetDuesMonth => "--sheet là danh sách thu đảng phí của một tháng: chibo report dues --month YYYY-MM --sheet", "--sheet is the dues collection sheet of a month: chibo report dues --month YYYY-MM --sheet";
    // grading at the year-end meeting
    ActGrading => "phiếu xếp loại", "grading sheet";
    ActSelfGrade => "tự xếp loại", "self-grade";
    ActProposeGrade => "đề xuất mức khác", "propose a grade";
    ActAcceptProposal => "nhận mức đề xuất", "accept the proposal";
    ActDiscussionNote => "ý kiến thảo luận", "discussion note";
    ActDecideGrade => "biểu quyết xếp loại", "decide by vote";
    GradingTitle => "Xếp loại năm {year} — {meeting}", "Grading of {year} — {meeting}";
    GradingLockedTitle => "biên bản đã thông qua: thay đổi là đính chính", "minutes approved: a change is an amendment";
    GradingColAttended => "Dự họp", "Attended";
    GradingColOnTime => "Đúng hạn", "On time";
    GradingColExceeded => "Vượt", "Beyond";
    GradingColNotebook => "Sổ", "Notes";
    GradingColRecords => "KL/KT", "Disc./Aw.";
    GradingColSelf => "Tự XL", "Self";
    GradingColProposed => "Đề xuất", "Proposed";
    GradingColDecided => "Quyết định", "Decided";
    GradingBranchRow => "Chi bộ (tổ chức đảng)", "The branch (organisation)";
    GradingNotGraded => "không XL", "not graded";
    GradeShortExcellent => "Xuất sắc", "Excellent";
    GradeShortGood => "Tốt", "Good";
    GradeShortDone => "Hoàn thành", "Done";
    GradeShortNotDone => "Không HT", "Not done";
    BranchGradeStrong => "Trong sạch, vững mạnh", "Clean and strong";
    BranchGradeGood => "Hoàn thành tốt nhiệm vụ", "Good";
    BranchGradeDone => "Hoàn thành nhiệm vụ", "Tasks completed";
    BranchGradeNotDone => "Không hoàn thành nhiệm vụ", "Tasks not completed";
    BranchShortStrong => "Vững mạnh", "Strong";
    GradeNone => "(chưa)", "(none)";
    GradingComputed => "Theo kết quả trong năm: {grade}, {points} điểm{points_how}.", "From the year's record: {grade}, {points} points{points_how}.";
    GradingPointsWeighed => " (tính từ dự họp và nhiệm vụ)", " (weighed from attendance and tasks)";
    GradingHeldBy => "Chưa đạt mức trên vì: {reasons}.", "Not higher because: {reasons}.";
    GradingNoteLine => "Thảo luận: {note}", "Discussion: {note}";
    GradingDecisionLine => "Chi bộ quyết định: {grade} (tán thành {for}/{of}, {rule}).", "Decided by the branch: {grade} ({for} of {of} in favour, {rule}).";
    GradingEarlierLine => "Trước khi đính chính: {grade}.", "Before the amendment: {grade}.";
    GradingBranchFacts => "Sinh hoạt {met}/{months} tháng; nghị quyết thông qua {resolutions}, nhiệm vụ hoàn thành {done}/{items}; đảng viên có nhiệm vụ {with}/{members}; cuộc họp đạt chất lượng {quality}/{held}.", "Met in {met} of {months} months; {resolutions} resolutions adopted, {done} of {items} items done; {with} of {members} members with a task; {quality} of {held} meetings of quality.";
    GradingShortfall => "{criterion} {percent}%, mức {grade} cần {needed}%", "{criterion} {percent}%, {grade} needs {needed}%";
    CritMeetings => "tháng có sinh hoạt", "months met";
    CritItemsDone => "nhiệm vụ nghị quyết hoàn thành", "resolution items done";
    CritCoverage => "đảng viên có nhiệm vụ", "members with a task";
    CritQuality => "cuộc họp đạt chất lượng", "meetings of quality";
    GradingWarnProposal => "Đề xuất — {text}", "Proposal — {text}";
    GradingWarnDecision => "Quyết định — {text}", "Decision — {text}";
    GradingBranchBelow => "Chi bộ: {grade} chưa đủ tiêu chí: {shortfall}", "The branch: {grade} falls short: {shortfall}";
    GradingNotYearEnd => "Chỉ cuộc họp kiểm điểm cuối năm có phiếu xếp loại.", "Only a year-end meeting has a grading sheet.";
    GradingLocked => "Biên bản đã thông qua: chỉ đính chính mức chi bộ quyết định (d).", "The minutes are approved: only the decided grade can be amended (d).";
    GradingNotGradedWhy => "{who} không xếp loại năm nay: {why}.", "{who} is not graded this year: {why}.";
    GradingBranchNoSelf => "Chi bộ không tự xếp loại như đảng viên: đề xuất (p) rồi biểu quyết (d).", "The branch has no self-grade: propose (p), then vote (d).";
    GradingNotPassed => "Biểu quyết không thông qua: chưa quyết định mức xếp loại.", "The vote does not pass: the grade is not decided.";
    GradingNothingDecided => "Chưa có quyết định để đính chính.", "Nothing was decided to amend.";
    GradingAccepted => "Đã nhận mức đề xuất cho {who}: {grade}.", "Proposal accepted for {who}: {grade}.";
    GradingSaved => "Đã ghi phiếu xếp loại: {who}.", "Grading sheet written: {who}.";
    GradingDecided => "Chi bộ quyết định: {who} — {grade}.", "The branch decided: {who} — {grade}.";
    FormSelfGrade => "Tự xếp loại — {who}", "Self-grade — {who}";
    FormProposeGrade => "Đề xuất xếp loại — {who}", "Proposed grade — {who}";
    FormDiscussion => "Ý kiến thảo luận — {who}", "Discussion — {who}";
    FormDecideGrade => "Biểu quyết xếp loại — {who}", "Vote on the grade — {who}";
    FormAmendGrade => "Đính chính xếp loại — {who}", "Amend the grade — {who}";
    FieldGrade => "Mức xếp loại", "Grade";
    FieldDiscussion => "Ý kiến", "Discussion";
    GradingVoteSubject => "Xếp loại {who}: {grade}", "Grade of {who}: {grade}";
    GradingAmendText => "Xếp loại {who}: {old} thành {new}.", "Grade of {who}: {old} changed to {new}.";
    GradingMember => "đồng chí {name}", "{name}";
    MissingGrades => "{n} đảng viên chưa được chi bộ quyết định xếp loại ({key}); thông qua biên bản sẽ khóa kết quả xếp loại", "{n} members' grades not decided yet ({key}); approving the minutes locks the grades";
    ActGradePoints => "chấm điểm", "enter points";
    FormGradePoints => "Chấm điểm — {who}", "Points — {who}";
    FieldPoints => "Điểm (trên 100)", "Points (of 100)";
    GradingPointsHint => "Để trống: điểm tính từ dự họp và nhiệm vụ theo evaluation.toml.", "Empty: points weighed from attendance and tasks by evaluation.toml.";
    GradingPointsRange => "Điểm là số nguyên từ 0 đến 100.", "Points are a whole number from 0 to 100.";
    GradingAgendaLine => "{key}: phiếu xếp loại ({n} đảng viên đã quyết định)", "{key}: grading sheet ({n} members decided)";
    EvalVoteCell => "tán thành {for}/{of}, {rule}", "{for} of {of} in favour, {rule}";
    EvalBranchHeading => "TỰ ĐÁNH GIÁ, XẾP LOẠI CỦA CHI BỘ", "THE BRANCH'S OWN GRADE";
    EvalBranchProposed => "Theo tiêu chí trong evaluation.toml: {grade}.", "By the criteria of evaluation.toml: {grade}.";
    EvalCommitteeProposed => "Chi ủy đề xuất: {grade}.", "Proposed by the committee: {grade}.";
    EvalDecidedLine => "Chi bộ quyết định: {grade} ({vote}).", "Decided by the branch: {grade} ({vote}).";
    EvalNotDecided => "Chi bộ chưa biểu quyết quyết định.", "Not decided by the branch yet.";
    EvalReviewHeading => "KIỂM ĐIỂM CUỐI NĂM", "YEAR-END REVIEW";
    EvalSelfGrade => "Tự xếp loại: {grade}.", "Self-grade: {grade}.";
    EvalProposedCount => "Đề xuất", "Proposed";
    EvalDecidedCount => "Quyết định", "Decided";
    DocGradingHeading => "KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG NĂM {year}", "GRADING OF THE YEAR {year}";
    DocGradeLine => "{n}. Đồng chí {name}: {grade} (tán thành {for}/{of}).", "{n}. {name}: {grade} ({for} of {of} in favour).";
    DocGradeTally => "Tổng hợp: {excellent} hoàn thành xuất sắc nhiệm vụ, {good} hoàn thành tốt nhiệm vụ, {done} hoàn thành nhiệm vụ, {not_done} không hoàn thành nhiệm vụ.", "In all: {excellent} excellent, {good} good, {done} tasks completed, {not_done} tasks not completed.";
    DocBranchGradeLine => "Chi bộ tự đánh giá, xếp loại: {grade} (tán thành {for}/{of}).", "The branch graded itself: {grade} ({for} of {of} in favour).";

    // candidates
    ScreenCandidates => "Kết nạp", "Candidates";
    StepClass => "Lớp nhận thức về Đảng", "Awareness class";
    StepApplication => "Đơn xin vào Đảng", "Application";
    StepBackground => "Lý lịch", "Background file";
    StepVerification => "Thẩm tra lý lịch", "Background verified";
    StepIntroduction => "Giới thiệu", "Introduction";
    StepComments => "Nhận xét đoàn thể, nơi cư trú", "Comments of organisation, residence";
    StepVote => "Chi bộ biểu quyết", "Branch vote";
    StepDecision => "Quyết định kết nạp", "Upper level's decision";
    StepCeremony => "Lễ kết nạp", "Admission ceremony";
    CandProposed => "Quần chúng ưu tú", "Proposed";
    CandAdmitted => "Đã kết nạp", "Admitted";
    CandClosed => "Dừng: {reason}", "Stopped: {reason}";
    CandLimitDue => "{step} trước {date}", "{step} by {date}";
    CandLimitOver => "Quá hạn: {step} ({date})", "Overdue: {step} ({date})";
    CandAge => "{age} tuổi: cần ngoại lệ", "aged {age}: needs an exception";
    CandTitle => "Phát triển đảng viên: {open} quần chúng đang theo dõi", "Candidates for membership: {open} on the way";
    CandNone => "Chưa có quần chúng nào: {key} để thêm", "No candidate yet: {key} adds one";
    CandNoSelection => "Chưa chọn quần chúng nào.", "No candidate is selected.";
    ColStage => "Giai đoạn", "Stage";
    ColNextStep => "Bước tiếp", "Next step";
    ColHelper => "Người giúp đỡ", "Helper";
    ColStageBegan => "Từ ngày", "Since";
    ColWaiting => "Ngày chờ", "Waiting";
    ColCandWarning => "Lưu ý", "Warnings";
    FormNewCandidate => "Thêm quần chúng ưu tú", "New candidate";
    FormCandStep => "{step}: {name}", "{step}: {name}";
    FormCandHelper => "Phân công giúp đỡ {name}", "Helper for {name}";
    FormCandClose => "Dừng theo dõi {name}", "Stop following {name}";
    FieldProof => "Căn cứ (số giấy tờ)", "Proof (paper no.)";
    FieldCandSince => "Theo dõi từ ngày", "Candidate since";
    FieldCandHelper => "Đảng viên giúp đỡ", "Member helping";
    ErrCandNotNext => "Đây không còn là bước tiếp theo.", "This is no longer the next step.";
    ErrCandFinished => "Đã kết nạp hoặc đã dừng: không ghi thêm.", "Admitted or stopped: nothing more is entered.";
    ErrCandBeforeStage => "Ngày trước khi giai đoạn này bắt đầu.", "The date is before this stage began.";
    ErrCandNoProof => "Cần ghi căn cứ (số giấy, số quyết định).", "The proof is needed (certificate, decision no.).";
    ErrCandDue => "Hạn giúp đỡ không thể trước hôm nay.", "The helper's due date cannot be before today.";
    ErrCandHelper => "Đảng viên này không nhận được nhiệm vụ.", "This member cannot be given tasks.";
    CandVoteNone => "Chưa có biểu quyết kết nạp {name} trong cuộc họp nào: biểu quyết \"Kết nạp quần chúng {name}\" trong cuộc họp chi bộ.", "No meeting has voted on admitting {name} yet: vote \"Kết nạp quần chúng {name}\" in a branch meeting.";
    CandVoteFailed => "Biểu quyết ngày {date} chưa đạt 2/3 đảng viên chính thức: {for}/{branch} tán thành.", "The vote of {date} did not reach 2/3 of the branch: {for}/{branch} in favour.";
    CandVoteProof => "Họp chi bộ {date}: {for}/{branch} đảng viên tán thành", "Branch meeting {date}: {for} of {branch} members in favour";
    CandVoteRecorded => "Đã ghi biểu quyết của chi bộ ngày {date} kết nạp {name}.", "The branch's vote of {date} on admitting {name} recorded.";
    CandHelperTask => "Giúp đỡ quần chúng {name} phấn đấu vào Đảng", "Help {name} on the way to membership";
    CandHelperSet => "{member} giúp đỡ {name}.", "{member} helps {name}.";
    CandStepSaved => "Đã ghi: {step} — {name}.", "Recorded: {step} — {name}.";
    CandAdded => "Đã thêm quần chúng {name}.", "Candidate {name} added.";
    CandClosedSaved => "Đã dừng theo dõi {name}.", "{name} is no longer followed.";
    ConfirmCeremonyTitle => "Lễ kết nạp", "Admission ceremony";
    ConfirmCeremony => "Lễ kết nạp {name} ngày {date}.\nTạo đảng viên dự bị từ hồ sơ này (thời gian dự bị 12 tháng)? Không thể hoàn tác.", "Admission ceremony of {name} on {date}.\nMake the probationary member from this record (12 months of probation)? This cannot be undone.";
    CandAdmittedSaved => "{name} là đảng viên dự bị từ {date}.", "{name} is a probationary member from {date}.";
    ActRecordStep => "ghi bước tiếp", "record next step";
    ActAssignHelper => "phân công giúp đỡ", "assign helper";
    ActCloseCandidate => "dừng theo dõi", "stop, with reason";
    CandMemberHistory => "Quá trình phấn đấu vào Đảng", "The way to membership";
    RptCandidatesTitle => "PHÁT TRIỂN ĐẢNG VIÊN", "CANDIDATES FOR MEMBERSHIP";
    RptSheetCandidates => "Phát triển đảng viên", "Candidates";
    RptColDaysWaiting => "Số ngày chờ", "Days waiting";
    RptCandidatesCounts => "Đang theo dõi {open} quần chúng · đã kết nạp {admitted} · đã dừng {closed}.", "On the way: {open} · admitted: {admitted} · stopped: {closed}.";
    RptCandidatesNone => "Chưa có quần chúng nào được theo dõi.", "No candidate is followed yet.";
    RptCandidatesSteps => "CÁC BƯỚC ĐÃ THỰC HIỆN", "STEPS TAKEN";
    RptCandidatesNoStep => "Chưa thực hiện bước nào.", "No step taken yet.";
    // discipline
    ActAddDiscipline => "kỷ luật", "discipline";
    FormDiscipline => "Kỷ luật: {name}", "Discipline: {name}";
    FieldDisciplineForm => "Hình thức kỷ luật", "Form of discipline";
    FieldDecidingBody => "Cấp quyết định", "Deciding body";
    FieldProposedBy => "Biểu quyết đề nghị", "Proposed by the vote";
    FieldCountsFor => "Tính cho năm", "Counts for the year";
    ErrCountsFor => "Năm tính kỷ luật là năm quyết định hoặc năm trước đó.", "The year it counts for is the decision's year or the one before.";
    ErrDisciplineVoteRule => "Biểu quyết này không theo nguyên tắc kỷ luật (quá 1/2 đảng viên chi bộ) hoặc không đạt.", "This vote was not held to the discipline rule (over 1/2 of the branch) or did not pass.";
    ErrExpulsionVoteRule => "Khai trừ cần biểu quyết đạt ít nhất 2/3 đảng viên chi bộ.", "Expulsion needs a vote of at least 2/3 of the branch.";
    ErrVoteAfterDecision => "Biểu quyết đề nghị phải trước ngày quyết định.", "The proposing vote must come before the decision.";
    ErrProbationaryDiscipline => "Đảng viên dự bị chỉ bị khiển trách hoặc cảnh cáo.", "A probationary member can only be reprimanded or warned.";
    DisciplineSaved => "Đã ghi kỷ luật {form} đối với đ/c {name}.", "Discipline recorded for {name}: {form}.";
    DisciplineTitle => "Kỷ luật", "Discipline";
    DisciplineEmpty => "Không bị kỷ luật.", "No discipline.";
    DisciplineCounts => "tính năm {year}", "counts for {year}";
    DisciplineVote => "chi bộ biểu quyết {date}: {for}/{branch} tán thành", "branch vote of {date}: {for} of {branch} in favour";
    ConfirmExpulsionTitle => "Khai trừ", "Expulsion";
    NoteFromMeeting => "họp {date}", "meeting of {date}";
    NoteFromTask => "theo kết quả nhiệm vụ", "from a task's result";
    ActRecognitionShort => "công nhận chính thức", "recognition";
    ActCheckShort => "kiểm điểm", "check";
    ActCheckCommitment => "kiểm điểm cam kết", "check commitments";
    FormCheckNote => "Kiểm điểm cuối năm: {text}", "Year-end check: {text}";
    FieldOutcome => "Kết quả", "Outcome";
    FieldOutcomeNote => "Nhận xét", "Remark";
    OutcomeMet => "đã thực hiện", "kept";
    OutcomePartly => "thực hiện một phần", "partly kept";
    OutcomeNotMet => "chưa thực hiện", "not kept";
    NothingToCheck => "Không còn cam kết hay khuyết điểm nào chưa kiểm điểm năm {year}.", "No commitment or shortcoming of {year} is left to check.";
    CheckSaved => "Đã ghi kết quả kiểm điểm: {outcome}.", "Check recorded: {outcome}.";
    NoteOutcome => "{outcome} {date}", "{outcome} {date}";
    RptBadgesTitle => "DANH SÁCH ĐỀ NGHỊ TẶNG HUY HIỆU ĐẢNG NĂM {year}", "PARTY BADGES TO PROPOSE IN {year}";
    RptBadgesNone => "Không có đảng viên nào đủ tuổi Đảng nhận Huy hiệu trong năm {year}.", "No member reaches a badge mark in {year}.";
    RptSheetBadges => "Huy hiệu Đảng", "Party badges";
    RptColAdmitted => "Ngày vào Đảng", "Admitted";
    RptColPartyYears => "Tuổi Đảng", "Party years";
    RptColBadgeOn => "Đủ ngày", "Reached on";
    NoteNoMember => "Đảng viên này không có trong danh sách.", "This member is not on the roster.";
    NoteTaskNotDone => "Chỉ ghi sổ được nhiệm vụ đã hoàn thành, có kết quả và người phụ trách.", "Only a task done, with its result and a lead, can be noted.";
    NoteNotASpeech => "Chọn một ý kiến phát biểu của đảng viên (ctrl-↑/↓) để ghi sổ.", "Select a member's speech (ctrl-up/down) to note it.";
    ConfirmExpulsion => "Khai trừ đ/c {name} khỏi Đảng từ ngày {date}.\nĐảng viên sẽ ra khỏi danh sách sinh hoạt từ ngày đó. Không thể hoàn tác.", "Expel {name} from the party from {date}.\nThe member leaves the roster on that day. This cannot be undone.";
    // meeting quality in a held meeting's details
    QualityHeading => "Chất lượng", "Quality";
    QualityAttended => "có mặt {present}/{expected} ({pct}%)", "present {present}/{expected} ({pct}%)";
    QualitySpoke => "{n} đồng chí phát biểu", "{n} members spoke";
    QualityLength => "{minutes} phút (tối thiểu {minimum})", "{minutes} min (at least {minimum})";
    QualityItems => "{lead}/{n} việc có người phụ trách", "{lead}/{n} items with a lead";
    QualityNoThematic => "quý {quarter} chưa sinh hoạt chuyên đề", "no thematic meeting in quarter {quarter}";
    // chibo check: the records added since the first counts; report badges: the year asked
    CliCheckCandidates => "đối tượng kết nạp: {n}", "candidates: {n}";
    CliCheckNotes => "ghi chép sổ theo dõi: {n}", "notebook notes: {n}";
    CliCheckAwards => "khen thưởng: {n}", "awards: {n}";
    CliCheckDiscipline => "kỷ luật: {n}", "discipline: {n}";
    CliBadgesBeforeAdmission => "năm {year} trước ngày vào Đảng sớm nhất của chi bộ ({date}): không có Huy hiệu nào để đề nghị", "{year} is before the branch's earliest admission ({date}): there is no badge to propose";
    CliBadgesBeforeParty => "năm {year} trước khi Đảng được thành lập (1930): không có Huy hiệu nào để đề nghị", "{year} is before the party was founded (1930): there is no badge to propose";
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(s: &str) -> Vec<String> {
        let mut out: Vec<String> = s
            .split('{')
            .skip(1)
            .filter_map(|part| part.split_once('}').map(|(name, _)| name.to_string()))
            .collect();
        out.sort();
        out
    }

    #[test]
    fn every_string_exists_in_both_languages_with_the_same_placeholders() {
        for msg in Msg::ALL {
            let vi = msg.get(Lang::Vi);
            let en = msg.get(Lang::En);
            assert!(!vi.trim().is_empty(), "{msg:?} has no Vietnamese text");
            assert!(!en.trim().is_empty(), "{msg:?} has no English text");
            assert_eq!(
                placeholders(vi),
                placeholders(en),
                "{msg:?} placeholders differ"
            );
        }
    }

    #[test]
    fn fill_replaces_placeholders() {
        assert_eq!(
            Msg::Showing.fill(Lang::Vi, &[("shown", &2), ("all", &28)]),
            "hiển thị 2/28"
        );
    }
}

/// Labels of the domain's values.
pub mod labels {
    use super::Msg;
    use crate::domain::member::{Activity, CommitteeRole, Gender, Standing};

    pub fn standing(s: Standing) -> Msg {
        match s {
            Standing::Official => Msg::StandingOfficial,
            Standing::Probationary => Msg::StandingProbationary,
        }
    }

    pub fn activity(a: Activity) -> Msg {
        match a {
            Activity::Active => Msg::ActivityActive,
            Activity::TemporaryIn => Msg::ActivityTemporaryIn,
            Activity::TemporaryOut => Msg::ActivityTemporaryOut,
            Activity::Exempt => Msg::ActivityExempt,
            Activity::Transferred => Msg::ActivityTransferred,
            Activity::StruckOff => Msg::ActivityStruckOff,
            Activity::Expelled => Msg::ActivityExpelled,
            Activity::Deceased => Msg::ActivityDeceased,
        }
    }

    pub fn role(r: CommitteeRole) -> Msg {
        match r {
            CommitteeRole::Secretary => Msg::RoleSecretary,
            CommitteeRole::Deputy => Msg::RoleDeputy,
            CommitteeRole::Member => Msg::RoleMember,
            CommitteeRole::None => Msg::RoleNone,
        }
    }

    pub fn note_kind(k: crate::domain::notebook::NoteKind) -> Msg {
        use crate::domain::notebook::NoteKind as K;
        match k {
            K::Strength => Msg::NoteStrength,
            K::Shortcoming => Msg::NoteShortcoming,
            K::Commitment => Msg::NoteCommitment,
            K::Other => Msg::NoteOther,
        }
    }

    pub fn outcome(o: crate::domain::notebook::Outcome) -> Msg {
        use crate::domain::notebook::Outcome as O;
        match o {
            O::Met => Msg::OutcomeMet,
            O::Partly => Msg::OutcomePartly,
            O::NotMet => Msg::OutcomeNotMet,
        }
    }

    pub fn discipline_form(f: crate::domain::discipline::DisciplineForm) -> Msg {
        use crate::domain::discipline::DisciplineForm as F;
        match f {
            F::Reprimand => Msg::DisciplineReprimand,
            F::Warning => Msg::DisciplineWarning,
            F::Removal => Msg::DisciplineRemoval,
            F::Expulsion => Msg::DisciplineExpulsion,
        }
    }

    pub fn meeting_kind(k: crate::domain::meeting::MeetingKind) -> Msg {
        use crate::domain::meeting::MeetingKind as K;
        match k {
            K::Regular => Msg::KindRegular,
            K::Thematic => Msg::KindThematic,
            K::Committee => Msg::KindCommittee,
            K::Extraordinary => Msg::KindExtraordinary,
            K::YearEnd => Msg::KindYearEnd,
        }
    }

    pub fn meeting_status(s: crate::domain::meeting::MeetingStatus) -> Msg {
        use crate::domain::meeting::MeetingStatus as S;
        match s {
            S::Planned => Msg::StatusPlanned,
            S::InProgress => Msg::StatusInProgress,
            S::Ended => Msg::StatusEnded,
            S::Approved => Msg::StatusApproved,
        }
    }

    pub fn vote_method(m: crate::domain::vote::VoteMethod) -> Msg {
        use crate::domain::vote::VoteMethod as V;
        match m {
            V::ShowOfHands => Msg::MethodHands,
            V::Card => Msg::MethodCard,
            V::SecretBallot => Msg::MethodSecret,
        }
    }

    /// Why a subject's vote cannot use the rule chosen: the rule it needs.
    pub fn vote_rule_required(r: crate::domain::vote::VoteRule) -> Msg {
        use crate::domain::vote::VoteRule as R;
        match r {
            R::SimpleMajority => Msg::RuleSimple,
            R::TwoThirdsOfBranch => Msg::ErrRuleTwoThirds,
            R::MajorityOfBranch => Msg::ErrRuleMajorityOfBranch,
        }
    }

    pub fn vote_rule(r: crate::domain::vote::VoteRule) -> Msg {
        use crate::domain::vote::VoteRule as R;
        match r {
            R::SimpleMajority => Msg::RuleSimple,
            R::TwoThirdsOfBranch => Msg::RuleTwoThirds,
            R::MajorityOfBranch => Msg::RuleMajorityOfBranch,
        }
    }

    pub fn resolution_kind(k: crate::domain::resolution::ResolutionKind) -> Msg {
        use crate::domain::resolution::ResolutionKind as K;
        match k {
            K::Monthly => Msg::ResKindMonthly,
            K::Thematic => Msg::ResKindThematic,
            K::Annual => Msg::ResKindAnnual,
            K::Personnel => Msg::ResKindPersonnel,
            K::UpperLevel => Msg::ResKindUpperLevel,
        }
    }

    pub fn resolution_state(s: crate::domain::resolution::ResolutionState) -> Msg {
        use crate::domain::resolution::ResolutionState as S;
        match s {
            S::Draft => Msg::StateDraft,
            S::InForce => Msg::StateInForce,
            S::Completed => Msg::StateCompleted,
            S::Superseded => Msg::StateSuperseded,
        }
    }

    pub fn task_status(s: crate::domain::task::TaskStatus) -> Msg {
        use crate::domain::task::TaskStatus as T;
        match s {
            T::NotStarted => Msg::TaskNotStarted,
            T::InProgress => Msg::TaskInProgress,
            T::Done => Msg::TaskDoneLabel,
            T::CarriedOver => Msg::TaskCarriedOver,
            T::Cancelled => Msg::TaskCancelledLabel,
        }
    }

    pub fn shown(s: crate::domain::task::Shown) -> Msg {
        match s {
            crate::domain::task::Shown::Overdue => Msg::TaskOverdue,
            crate::domain::task::Shown::Status(s) => task_status(s),
        }
    }

    pub fn gender(g: Option<Gender>) -> Msg {
        match g {
            Some(Gender::Male) => Msg::GenderMale,
            Some(Gender::Female) => Msg::GenderFemale,
            None => Msg::Unknown,
        }
    }
}
