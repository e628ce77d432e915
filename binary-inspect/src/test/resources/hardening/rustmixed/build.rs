//! Compiles the C helper into the extension, as crates such as ring or libsqlite3-sys do.
fn main() {
    cc::Build::new().file("src/helper.c").compile("wt_helper");
    println!("cargo:rerun-if-changed=src/helper.c");
}
