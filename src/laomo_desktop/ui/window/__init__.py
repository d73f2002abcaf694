"""The main window and what frames its pages: the section list, keys, search, undo, fitting the screen."""
