/* A module that forgets its entry point, peas_register_types(). */
int pe_test_no_entry_marker (void);
int pe_test_no_entry_marker (void) { return 42; }
