"""Driving pages with the keyboard only, as a person who cannot use a mouse would: Tab moves the
focus, Enter follows a link or sends a form, Space ticks a box, arrows choose among radios,
typing chooses in a list. Nothing here clicks."""

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys


def press(driver, *keys):
    ActionChains(driver).send_keys(*keys).perform()


def tab_to(driver, matches, limit=120):
    """Presses Tab until the focused element matches; fails if it never does."""
    for _ in range(limit):
        element = driver.switch_to.active_element
        if matches(element):
            return element
        press(driver, Keys.TAB)
    raise AssertionError("Tab never reached the element")


def focus_field(driver, field_id):
    return tab_to(driver, lambda element: element.get_attribute("id") == field_id)


def follow_link(driver, text):
    """Tabs to the link whose words start with `text` and presses Enter."""
    tab_to(driver, lambda element: element.tag_name == "a" and element.text.strip().startswith(text))
    press(driver, Keys.ENTER)


def type_into(driver, field_id, text, clear=False):
    element = focus_field(driver, field_id)
    if clear:
        press(driver, Keys.CONTROL, "a")
        press(driver, Keys.BACKSPACE)
    element.send_keys(text)


def choose_radio(driver, name, value):
    """Tabs into the radio group `name` and moves with the arrow keys to `value`."""
    focus_field(driver, name)
    press(driver, Keys.SPACE)
    for _ in range(20):
        element = driver.switch_to.active_element
        if element.get_attribute("value") == value:
            return
        press(driver, Keys.ARROW_DOWN)
    raise AssertionError(f"no radio {value} in {name}")


def tick(driver, field_id, value=None):
    """Tabs to the checkbox `field_id` (or, with `value`, the one of that name and value) and ticks it."""
    if value is None:
        focus_field(driver, field_id)
    else:
        tab_to(driver, lambda element: element.get_attribute("name") == field_id and element.get_attribute("value") == value)
    press(driver, Keys.SPACE)


def choose_option(driver, field_id, label):
    """Chooses in a list by typing the start of the option's words."""
    element = focus_field(driver, field_id)
    element.send_keys(label)


def submit(driver, words):
    """Tabs to the button with `words` and presses Enter."""
    tab_to(driver, lambda element: element.tag_name == "button" and element.text.strip() == words)
    press(driver, Keys.ENTER)
