//! Hardening fixture: a PyO3 extension module with C code linked in (memory safety "mixed").
use pyo3::prelude::*;
use std::ffi::CString;
use std::os::raw::c_char;

extern "C" {
    fn wt_helper_checksum(text: *const c_char) -> u64;
}

/// Checksums a string in C.
#[pyfunction]
fn checksum(text: &str) -> PyResult<u64> {
    let c = CString::new(text).expect("no NUL");
    Ok(unsafe { wt_helper_checksum(c.as_ptr()) })
}

#[pymodule]
fn wt_rustmixed(_py: Python<'_>, m: &PyModule) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(checksum, m)?)?;
    Ok(())
}
