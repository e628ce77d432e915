/* The vendored library of the SBOM fixture wheel: a shared object whose SONAME follows auditwheel's pattern. */
int vend_answer(void) { return 42; }
