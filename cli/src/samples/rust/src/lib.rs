//! wheeltapper's bundled Rust/PyO3 sample extension: a memory-safe extension module for the sample audit.
use pyo3::prelude::*;

/// Adds two numbers; a panic here would surface as pyo3_runtime.PanicException.
#[pyfunction]
fn add(a: i64, b: i64) -> PyResult<i64> {
    a.checked_add(b)
        .ok_or_else(|| pyo3::exceptions::PyOverflowError::new_err("overflow"))
}

#[pymodule]
fn wt_rust(_py: Python, m: &PyModule) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(add, m)?)?;
    Ok(())
}
