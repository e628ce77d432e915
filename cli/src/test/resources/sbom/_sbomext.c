/* The extension of the SBOM fixture wheel: needs the vendored library, found through $ORIGIN/../sbom_fix.libs. */
int vend_answer(void);
int sbomext_answer(void) { return vend_answer(); }
