/* annobin's string notes as annobin 12 writes them (gcc-plugin/annobin.cc, annobin_output_string_note: one
 * NUL-terminated "XX:value[ file[:function]]" string each in the mergeable .annobin.notes section), written here by
 * hand because the annobin plugin is not packaged for Debian. */
__asm__(".pushsection .annobin.notes,\"MS\",%progbits,1\n"
        ".asciz \"AV:4p1270\"\n"
        ".asciz \"RV:running gcc 12.2.0\"\n"
        ".asciz \"BV:annobin gcc 12.2.0\"\n"
        ".asciz \"PN:annobin\"\n"
        ".asciz \"FL:3 annobin.c\"\n"
        ".asciz \"SP:3\"\n"
        ".asciz \"SC:1\"\n"
        ".asciz \"CF:8\"\n"
        ".asciz \"GA:0 annobin.c:annobin_answer\"\n"
        ".popsection\n");

int annobin_answer(void) {
  return 42;
}
