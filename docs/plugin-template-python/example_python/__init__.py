# A Policy Explorer plugin in Python.
#
# It gives a document (read from the JSON beside this file), whose
# calculators and charts the app runs like any other, and adds a tab of
# its own to the document's page.
import os

import gi

gi.require_version("Pe", "1")
from gi.repository import GObject, Gio, Pe  # noqa: E402

# The page needs the app's GTK library, which the window has loaded and the
# command line has not: without it, the plugin gives its document only.
PeGtk = None
try:
    GObject.type_from_name("PeDocumentPage")
    has_pages = True
except RuntimeError:
    has_pages = False
if has_pages:
    gi.require_version("Gtk", "3.0")
    gi.require_version("PeGtk", "1")
    from gi.repository import Gtk, PeGtk  # noqa: E402, F811

HERE = os.path.dirname(os.path.abspath(__file__))


class ExampleDocument(GObject.Object, Pe.DocumentProvider):
    """The document: data, checked by the app like every other."""

    def do_load_document(self):
        path = os.path.join(HERE, "data", "example-python.json")
        return Pe.Document.new_from_file(Gio.File.new_for_path(path))


if PeGtk is not None:

    class ExamplePage(GObject.Object, PeGtk.PageActivatable):
        """A tab that shows every figure the document states, with its clause."""

        page = GObject.Property(type=PeGtk.DocumentPage)

        def do_activate(self):
            document = self.page.get_document()
            grid = Gtk.Grid(column_spacing=18, row_spacing=6)
            for row, parameter in enumerate(document.get_parameters()):
                grid.attach(Gtk.Label(label=parameter.label.en, xalign=0), 0, row, 1, 1)
                value = Pe.value_format(parameter.type, parameter.value)
                grid.attach(Gtk.Label(label=value, xalign=0), 1, row, 1, 1)
                grid.attach(Gtk.Label(label="“%s”" % parameter.clause.quote, xalign=0), 2, row, 1, 1)
            self.page.add_section("figures", "Figures", grid)

        def do_deactivate(self):
            self.page.remove_section("figures")
