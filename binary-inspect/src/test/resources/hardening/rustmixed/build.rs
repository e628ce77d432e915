//! Compiles the C helper into the extension with the system C compiler and ar, as crates such as ring or
//! libsqlite3-sys do through the cc crate (called directly here, so no extra crate is needed offline).
use std::env;
use std::path::PathBuf;
use std::process::Command;

fn main() {
    let out = PathBuf::from(env::var("OUT_DIR").expect("OUT_DIR"));
    let cc = env::var("CC").unwrap_or_else(|_| "gcc".to_string());
    let obj = out.join("helper.o");
    let ok = Command::new(&cc)
        .args(["-c", "-fPIC", "-O2", "src/helper.c", "-o"])
        .arg(&obj)
        .status()
        .expect("run the C compiler");
    assert!(ok.success(), "C compiler failed");
    let lib = out.join("libwt_helper.a");
    let ok = Command::new("ar").arg("crs").arg(&lib).arg(&obj).status().expect("run ar");
    assert!(ok.success(), "ar failed");
    println!("cargo:rustc-link-search=native={}", out.display());
    println!("cargo:rustc-link-lib=static=wt_helper");
    println!("cargo:rerun-if-changed=src/helper.c");
}
