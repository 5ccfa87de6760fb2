#!/usr/bin/python3
# End-to-end scenarios over AT-SPI: each starts the app afresh, uses it with
# real clicks and keys, checks what a person would see, and keeps a
# screenshot. Prints TAP.
import os
import subprocess
import sys
import time

from dogtail.config import config

config.checkForA11y = False
config.logDebugToFile = False
config.logDebugToStdOut = False
config.actionDelay = 0.05
config.typingDelay = 0.01
config.defaultDelay = 0.1
config.searchBackoffDuration = 0.1
config.searchCutoffCount = 60

from dogtail import predicate, rawinput, tree  # noqa: E402

APP = os.environ["PE_APP"]
SHOTS = os.environ["PE_SHOTS"]


def wait_for(cond, what, timeout=10.0):
    end = time.time() + timeout
    while time.time() < end:
        try:
            if cond():
                return
        except Exception:
            pass
        time.sleep(0.1)
    raise AssertionError("timed out waiting for " + what)


class App:
    def __init__(self, env=None):
        e = dict(os.environ)
        e.update(env or {})
        self.log = open(os.path.join(SHOTS, "app-%d.log" % time.time_ns()), "w")
        self.proc = subprocess.Popen([APP], env=e, stderr=self.log, stdout=self.log)
        name = os.path.basename(APP)
        self.node = None

        def found():
            for a in tree.root.applications():
                if a.name == name:
                    self.node = a
                    return True
            return False

        wait_for(found, "the app on the accessibility bus", 20)
        wait_for(lambda: self.window() is not None, "its window", 20)

    def window(self):
        for w in self.node.children:
            if w.roleName == "frame":
                return w
        return None

    def screenshot(self, name):
        w = self.window()
        x, y = w.position
        width, height = w.size
        path = os.path.join(SHOTS, name + ".png")
        subprocess.run(["import", "-window", "root", "-crop", "%dx%d+%d+%d" % (width, height, x, y),
                        "+repage", path], check=True)

    def quit(self):
        self.proc.terminate()
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def click_shown(node):
    """Click a node once it is on screen (a tab switch may still be settling)."""
    wait_for(lambda: node.showing and node.position[0] >= 0 and node.position[1] >= 0,
             "“%s” to be on screen" % node.name)
    node.click()


def labelled(node, text, role="label"):
    return node.findChild(predicate.GenericPredicate(name=text, roleName=role), retry=True)


def type_into(entry, text):
    entry.click()
    rawinput.keyCombo("<Control>a")
    rawinput.typeText(text)
    rawinput.pressKey("Tab")


def scenario_compute():
    """Open the manufacturing page, fill the technical-upgrade calculator, read the result."""
    app = App()
    try:
        win = app.window()
        sidebar = win.findChild(predicate.GenericPredicate(name="Pages and documents", roleName="list box"), retry=True)
        labelled(sidebar, "Manufacturing").click()
        type_into(win.findChild(predicate.GenericPredicate(name="As of", roleName="text")), "2022-06-01")
        win.findChild(predicate.GenericPredicate(name="Calculators", roleName="radio button"), retry=True).click()
        click_shown(win.findChild(lambda n: n.roleName == "label" and n.name.startswith("Technical upgrading subsidy"),
                                  retry=True))
        fee = win.findChild(predicate.GenericPredicate(name="Investment in production equipment", roleName="text"),
                            retry=True)
        # 7 % of 30 million is 2.1 million, above the 2 million cap
        type_into(fee, "3000万")
        win.findChild(predicate.GenericPredicate(name="Calculate", roleName="push button")).click()
        amount = win.findChild(predicate.GenericPredicate(name="Amount", roleName="label"), retry=True)
        wait_for(lambda: amount.text == "Up to 2,000,000 yuan", "the amount “Up to 2,000,000 yuan”")
        app.screenshot("e2e-compute")

        # a letter in the number: the field says so, and no result is computed
        type_into(fee, "12a")
        wait_for(lambda: win.findChild(lambda n: n.roleName == "label" and "is not a number" in (n.name or ""),
                                       retry=False) is not None, "the message at the field")
        app.screenshot("e2e-bad-input")
    finally:
        app.quit()


def scenario_plugins():
    """Disable the manufacturing plugin in the Plugins dialog, then enable it again."""
    app = App()
    try:
        win = app.window()
        labelled(win, "Manufacturing")
        win.findChild(predicate.GenericPredicate(name="Main Menu", roleName="toggle button")).click()
        app.node.findChild(predicate.GenericPredicate(name="Plugins", roleName="push button"), retry=True).click()
        dialog = app.node.findChild(predicate.GenericPredicate(name="Plugins", roleName="dialog"), retry=True)
        app.screenshot("e2e-plugins-dialog")
        def check_box():
            cells = dialog.findChildren(lambda n: n.roleName == "table cell")
            index = next(i for i, c in enumerate(cells) if (c.name or "").startswith("Manufacturing"))
            # the check box is the first cell of the row, as the eye sees it
            row_y = cells[index].position[1]
            return min((c for c in cells if c.position[1] == row_y), key=lambda c: c.position[0])

        check_box().click()
        sidebar = win.findChild(predicate.GenericPredicate(name="Pages and documents", roleName="list box"))

        def listed():
            return any(label.name == "Manufacturing"
                       for row in sidebar.children for label in row.children)

        wait_for(lambda: not listed(), "the document to leave the sidebar")
        app.screenshot("e2e-plugin-off")
        # and on again, from the keyboard: the row is selected, Enter toggles it
        rawinput.pressKey("Return")
        wait_for(listed, "the document to come back")
        app.screenshot("e2e-plugin-on")
    finally:
        app.quit()


def scenario_chinese():
    """With a Chinese locale the interface is in Chinese."""
    app = App({"LANGUAGE": "zh_CN"})
    try:
        win = app.window()
        # home is the overview; the document opens from the sidebar
        labelled(win, "总览")
        sidebar = win.findChild(predicate.GenericPredicate(name="页面和文件", roleName="list box"), retry=True)
        labelled(sidebar, "制造业高质量发展").click()
        win.findChild(predicate.GenericPredicate(name="计算器", roleName="radio button"), retry=True)
        win.findChild(predicate.GenericPredicate(name="判断日期", roleName="text"), retry=True)
        app.screenshot("e2e-chinese")
    finally:
        app.quit()


def scenario_profile():
    """Fill a profile on the Profile page and read the total of its results."""
    app = App()
    try:
        win = app.window()
        sidebar = win.findChild(predicate.GenericPredicate(name="Pages and documents", roleName="list box"), retry=True)
        labelled(sidebar, "Profile").click()
        type_into(win.findChild(predicate.GenericPredicate(name="Profile name", roleName="text"), retry=True),
                  "泉州某制造企业")
        type_into(win.findChild(predicate.GenericPredicate(name="Profile as of", roleName="text"), retry=True),
                  "2022-06-01")
        # the calculator's own inputs are in its expander
        # far down the form: the keyboard focus brings it into view, as Tab would
        expander = win.findChild(predicate.GenericPredicate(name="Technical upgrading subsidy", roleName="toggle button"),
                                 retry=True)
        expander.grabFocus()
        click_shown(expander)
        fee = win.findChild(predicate.GenericPredicate(name="Investment in production equipment", roleName="text"),
                            retry=True)
        fee.grabFocus()
        wait_for(lambda: fee.showing and fee.position[1] >= 0, "the field to be on screen")
        # 7 % of 30 million is 2.1 million, above the 2 million cap
        type_into(fee, "3000万")
        total = win.findChild(predicate.GenericPredicate(name="Total", roleName="label"), retry=True)
        wait_for(lambda: total.text == "Total counted: up to 2,000,000 yuan",
                 "the total “Total counted: up to 2,000,000 yuan”")
        app.screenshot("e2e-profile")
    finally:
        app.quit()


def main():
    scenarios = [scenario_compute, scenario_plugins, scenario_chinese, scenario_profile]
    print("1..%d" % len(scenarios))
    failed = 0
    for i, s in enumerate(scenarios, 1):
        try:
            s()
            print("ok %d - %s" % (i, s.__doc__))
        except Exception as e:  # report and go on with the others
            failed += 1
            print("not ok %d - %s: %r" % (i, s.__doc__, e))
            import traceback
            for line in traceback.format_exc().splitlines():
                print("# " + line)
        sys.stdout.flush()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
