// The commands that write the database, by name: the mock refuses them when the database was
// opened read-only (as the handlers do), and the read-only browser test checks that the window
// never sends one.
export const WRITES =
  /^(create_|update_|delete_|add_|remove_|anonymise_|erase_|save_|set_|keep_|clear_|import_|restore_|open_demo$|live_start$|live_consensus$)/;
