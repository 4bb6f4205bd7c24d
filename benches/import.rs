//! Importing a large roster, the way `chibo import members FILE.csv` does it: read and
//! check every row, check against the (empty) roster, write all members in one
//! transaction to a sled store. Prints the time of each step for 5,000, 20,000 and
//! 70,000 generated rows, and the time per row, which stays flat when import is linear.
//!
//! `cargo bench --bench import` (add `-- --rows 20000` for one size). `cargo test
//! --benches` runs it once on 500 rows, to keep it compiling.

#![allow(clippy::unwrap_used, clippy::panic)] // a failing test or bench may panic

use std::time::Instant;

use chibo::export::members;
use chibo::export::roster_import::{ReadOptions, check_new, read};
use chibo::i18n::Lang;
use chibo::store::{Records, SledStore};
use chrono::NaiveDate;

const FAMILY: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô",
];
const MIDDLE: &[&str] = &[
    "Văn",
    "Thị",
    "Minh",
    "Thu",
    "Hoàng",
    "Ngọc",
    "Đức",
    "Thanh",
    "Quốc",
    "Thị Thu",
];
const GIVEN: &[&str] = &[
    "An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hải", "Hùng", "Hương", "Khánh", "Lan", "Linh",
    "Mai", "Minh", "Nam", "Nga", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Tuấn", "Vân", "Yến",
];

/// A roster of `n` rows with every column filled, unique card numbers and unique
/// name-and-birth pairs.
fn roster(n: usize) -> Vec<u8> {
    let mut out = String::from(
        "ho,ten_dem,ten,gioi_tinh,ngay_sinh,ngay_vao_dang,ngay_chinh_thuc,so_the,chuc_vu,trang_thai,dien_thoai,noi_cu_tru,ghi_chu\n",
    );
    let start = NaiveDate::from_ymd_opt(1940, 1, 1).unwrap();
    for i in 0..n {
        let born = start + chrono::Days::new((i * 7 % 21_900) as u64);
        let admitted = born + chrono::Days::new(365 * 25);
        let official = admitted + chrono::Days::new(365);
        out.push_str(&format!(
            "{},{},{},{},{},{},{},{:08},,chính thức,09{:08},\"{} Lê Lợi, tổ {}\",\n",
            FAMILY[i % FAMILY.len()],
            MIDDLE[i / FAMILY.len() % MIDDLE.len()],
            GIVEN[i / 7 % GIVEN.len()],
            if i % 2 == 0 { "Nam" } else { "Nữ" },
            born.format("%d/%m/%Y"),
            admitted.format("%d/%m/%Y"),
            official.format("%d/%m/%Y"),
            1_000_000 + i,
            i,
            i % 400 + 1,
            i % 12 + 1,
        ));
    }
    out.into_bytes()
}

fn main() {
    let quick = !std::env::args().any(|a| a == "--bench");
    let args: Vec<String> = std::env::args().collect();
    let one = args
        .iter()
        .position(|a| a == "--rows")
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok());
    let sizes: Vec<usize> = match (quick, one) {
        (true, _) => vec![500],
        (false, Some(n)) => vec![n],
        (false, None) => vec![5_000, 20_000, 70_000],
    };
    let now = NaiveDate::from_ymd_opt(2026, 11, 22)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    for n in sizes {
        let bytes = roster(n);
        let dir =
            std::env::temp_dir().join(format!("chibo-bench-import-{n}-{}", std::process::id()));
        let store = SledStore::open(&dir).unwrap();
        let t0 = Instant::now();
        let parsed = read(&bytes, &ReadOptions::default()).unwrap();
        let t1 = Instant::now();
        let existing = store.members().unwrap();
        check_new(&parsed, &existing, Lang::Vi).unwrap();
        let t2 = Instant::now();
        let mut list = parsed.members;
        store.import_members(&mut list, now).unwrap();
        let t3 = Instant::now();
        assert_eq!(store.members().unwrap().len(), n);
        // and the roster written back, as `export members` does
        let mut all = store.members().unwrap();
        all.sort_by_cached_key(|m| m.sort_key());
        let csv = members::to_csv(&all);
        let t4 = Instant::now();
        let total = t3 - t0;
        println!(
            "{n:>6} rows ({:>5.1} MB): read {:>7.1} ms  check {:>6.1} ms  write {:>7.1} ms  import total {:>7.1} ms ({:.1} µs/row)  export {:>6.1} ms",
            bytes.len() as f64 / 1e6,
            (t1 - t0).as_secs_f64() * 1e3,
            (t2 - t1).as_secs_f64() * 1e3,
            (t3 - t2).as_secs_f64() * 1e3,
            total.as_secs_f64() * 1e3,
            total.as_secs_f64() * 1e6 / n as f64,
            (t4 - t3).as_secs_f64() * 1e3,
        );
        assert!(csv.lines().count() > n);
        drop(store);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
