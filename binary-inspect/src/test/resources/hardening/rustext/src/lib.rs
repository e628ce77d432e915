//! Hardening fixture: a PyO3 extension module written only in Rust.
use pyo3::prelude::*;

/// Adds two numbers; panics on overflow so the panic machinery stays linked.
#[pyfunction]
fn add(a: u64, b: u64) -> PyResult<u64> {
    Ok(a.checked_add(b).expect("overflow"))
}

#[pymodule]
fn wt_rustext(_py: Python<'_>, m: &PyModule) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(add, m)?)?;
    Ok(())
}
