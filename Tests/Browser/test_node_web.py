"""The node's web application in a real browser (headless Chromium), against real
`triangulate serve` processes and a real hub: a caseworker's day using only the keyboard, an
approver's correction, search, a viewer who cannot change anything, and a named recipient's
withheld content. Every page is checked with axe-core at WCAG 2.2 AA and photographed."""

import datetime
import re
import time

from checks import check_page
from conftest import PASSWORD, run
from keyboard import choose_option, choose_radio, follow_link, press, submit, tab_to, tick, type_into
from selenium.webdriver.common.keys import Keys

TODAY = datetime.date.today().isoformat()


def wait_for(driver, condition, what, timeout=15):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            if driver.execute_script("return document.readyState") == "complete" and condition():
                return
        except Exception:
            pass
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}; at {driver.current_url}: {driver.find_element('tag name', 'h1').text}")


def heading(driver):
    return driver.find_element("tag name", "h1").text


def wait_heading(driver, text):
    wait_for(driver, lambda: heading(driver).startswith(text), f"the page '{text}'")


def sign_in(driver, url, name, check=False):
    driver.get(url + "/sign-in")
    wait_heading(driver, "Sign in")
    if check:
        check_page(driver, "sign-in")
    type_into(driver, "name", name)
    type_into(driver, "password", PASSWORD)
    submit(driver, "Sign in")
    wait_heading(driver, "What is due")


def test_a_caseworker_takes_a_concern_through_the_protocol_with_the_keyboard_alone(world, browser):
    url = world["urls"]["CQC"]
    driver = browser
    # A mistake first: the sign-in page with its error summary.
    driver.get(url + "/sign-in")
    wait_heading(driver, "Sign in")
    submit(driver, "Sign in")
    wait_for(driver, lambda: "There is a problem" in driver.page_source, "the error summary")
    check_page(driver, "sign-in-errors")
    sign_in(driver, url, "c.worker", check=True)
    check_page(driver, "worklist")

    follow_link(driver, "New case")
    wait_heading(driver, "Open a new case")
    check_page(driver, "new-case")
    follow_link(driver, "Record a concern")
    wait_heading(driver, "Record a concern")
    submit(driver, "Continue")  # nothing filled in: the first page's errors
    wait_for(driver, lambda: "There is a problem" in driver.page_source, "the form's errors")
    check_page(driver, "record-concern-errors")
    type_into(driver, "title", "Night staffing at Oaktrees")
    choose_radio(driver, "category", "systems")
    choose_radio(driver, "setting", "social-care")
    submit(driver, "Continue")
    wait_for(driver, lambda: "question page 2 of 4" in driver.page_source, "the second page")
    check_page(driver, "record-concern-page-2")
    choose_radio(driver, "source", "whistleblower")
    submit(driver, "Continue")
    wait_for(driver, lambda: "question page 3 of 4" in driver.page_source, "the third page")
    type_into(driver, "location", "1-134558905")
    type_into(driver, "locationName", "Oaktrees")
    submit(driver, "Continue")
    wait_for(driver, lambda: "question page 4 of 4" in driver.page_source, "the fourth page")
    type_into(driver, "summary", "One carer on nights for twenty residents")
    tick(driver, "safeguarding")
    submit(driver, "Continue")
    wait_heading(driver, "Check your answers")
    check_page(driver, "check-answers")
    assert "1-134558905" in driver.page_source
    submit(driver, "Save")
    wait_for(driver, lambda: "Saved: record a concern" in driver.page_source, "the new case")
    case_url = driver.current_url.split("?")[0]
    check_page(driver, "case-page")
    assert "Safeguarding" in driver.find_element("class name", "banner").text

    follow_link(driver, "Evaluate the concern")
    wait_heading(driver, "Evaluate the concern")
    check_page(driver, "step-evaluate")
    choose_radio(driver, "decision", "trigger")
    type_into(driver, "rationale", "Pattern across shifts")
    submit(driver, "Save")
    wait_for(driver, lambda: "Saved: evaluate the concern" in driver.page_source, "the evaluation")

    follow_link(driver, "Record contact with a partner")
    wait_heading(driver, "Record contact with a partner")
    choose_option(driver, "partner", "Nursing")
    choose_radio(driver, "purpose", "share")
    submit(driver, "Save")
    wait_for(driver, lambda: "Saved: record contact" in driver.page_source, "the contact")

    follow_link(driver, "Decide whether to call")
    wait_heading(driver, "Decide whether to call")
    choose_radio(driver, "call", "call")
    type_into(driver, "rationale", "Several organisations hold signals")
    submit(driver, "Save")
    wait_for(driver, lambda: "Saved: decide whether" in driver.page_source, "the panel decision")

    follow_link(driver, "Convene the panel")
    wait_heading(driver, "Convene the panel")
    type_into(driver, "chair", "B. Chair (CQC)")
    submit(driver, "Save")
    wait_for(driver, lambda: "awaiting its panel" in driver.page_source, "the panel convened")
    for event in ["trigger: underEvaluation to triggered", "partnerContacted", "callPanel", "schedule: proposed to scheduled"]:
        assert event in driver.page_source

    # Share it, seeing exactly what leaves first.
    follow_link(driver, "Share this case")
    wait_heading(driver, "Share this case")
    check_page(driver, "share-form")
    tick(driver, "to", value="NMC")
    type_into(driver, "purpose", "Emerging concern")
    type_into(driver, "basis", "ECP 2021 information sharing gateway")
    submit(driver, "Preview what will be sent")
    wait_heading(driver, "Check what will be sent")
    check_page(driver, "share-preview")
    preview = driver.page_source
    assert re.search(r"<td>title</td><td>Night staffing at Oaktrees</td><td><strong class=\"tag green\">Sent", preview)
    assert "Not sent</strong> personal data" in preview
    submit(driver, "Share")
    wait_for(driver, lambda: "The share is recorded" in driver.page_source, "the share")

    follow_link(driver, "Cases")
    wait_heading(driver, "Cases")
    check_page(driver, "cases")
    follow_link(driver, "Shared with us")
    wait_heading(driver, "Shared with us")
    check_page(driver, "received-empty")
    driver.get(url + "/no/such/page")
    wait_heading(driver, "Page not found")
    check_page(driver, "not-found")
    world["case_url"] = case_url


def test_provider_concerns_from_its_definition_alone(world, browser):
    """A council's process has no page of its own: its steps are forms drawn from its flow,
    its case page and its report the same pages as every process's."""
    url = world["urls"]["CQC"]
    driver = browser
    sign_in(driver, url, "c.worker")
    follow_link(driver, "New case")
    wait_heading(driver, "Open a new case")
    follow_link(driver, "Initiate the Provider Concerns Process")
    wait_heading(driver, "Initiate the Provider Concerns Process")
    check_page(driver, "pcp-initiate")
    type_into(driver, "title", "Falls at Ivy House")
    type_into(driver, "subject", "Ivy House (1-987654321)")
    type_into(driver, "summary", "Unwitnessed falls at night")
    choose_radio(driver, "source", "sar")
    choose_radio(driver, "threshold", "high")
    choose_option(driver, "hostAuthority", "CQC")
    submit(driver, "Save")
    wait_for(driver, lambda: "Check your answers" in heading(driver) or "Saved: initiate" in driver.page_source, "the answers")
    if "Check your answers" in heading(driver):
        submit(driver, "Save")
    wait_for(driver, lambda: "Saved: initiate" in driver.page_source, "the new case")
    check_page(driver, "pcp-case")
    assert "Step 1 actions" in driver.page_source
    follow_link(driver, "Record Step 1 actions done")
    wait_heading(driver, "Record Step 1 actions done")
    tick(driver, "welfareChecks")
    tick(driver, "policeConsulted")
    submit(driver, "Save")
    wait_for(driver, lambda: "Saved: record step 1" in driver.page_source, "the checklist")
    assert "to do" in driver.page_source and "done" in driver.page_source
    follow_link(driver, "Reports")
    wait_heading(driver, "Emerging Concerns Protocol reports")
    follow_link(driver, "Provider Concerns")
    wait_heading(driver, "Provider Concerns report")
    check_page(driver, "pcp-report")
    assert "Step 1: decision to initiate" in driver.page_source


def test_an_approver_corrects_a_date_with_a_reason(world, browser):
    url = world["urls"]["CQC"]
    driver = browser
    sign_in(driver, url, "a.admin")
    case_url = world.get("case_url")
    assert case_url, "the caseworker's test records the case"
    driver.get(case_url)
    wait_for(driver, lambda: "Correct a mistake" in driver.page_source, "the case")
    follow_link(driver, "Correct a mistake in this case")
    wait_heading(driver, "Correct a mistake")
    check_page(driver, "corrections")
    tab_to(driver, lambda element: "concern.identifiedOn" in (element.get_attribute("href") or ""))
    press(driver, Keys.ENTER)
    wait_heading(driver, "Correct date the concern was identified")
    future = (datetime.date.today() + datetime.timedelta(days=7)).isoformat()
    type_into(driver, "value", future, clear=True)
    type_into(driver, "reason", "Typed the referral's date")
    submit(driver, "Save the correction")
    wait_for(driver, lambda: "is in the future" in driver.page_source, "the refusal")
    check_page(driver, "correction-errors")
    earlier = (datetime.date.today() - datetime.timedelta(days=2)).isoformat()
    type_into(driver, "value", earlier, clear=True)
    submit(driver, "Save the correction")
    wait_for(driver, lambda: "The correction is saved" in driver.page_source, "the correction")
    page = driver.page_source
    assert f"<td>{TODAY}</td><td>{earlier}</td><td>Typed the referral's date</td><td>a.admin</td>" in page.replace("&#39;", "'")
    follow_link(driver, "People")
    wait_heading(driver, "People")
    check_page(driver, "people")


def test_search_by_location_id(world, browser):
    url = world["urls"]["CQC"]
    driver = browser
    sign_in(driver, url, "c.worker")
    follow_link(driver, "Cases")
    wait_heading(driver, "Cases")
    type_into(driver, "identifier", "1-134558905")
    submit(driver, "Search")
    wait_for(driver, lambda: "1 case" in driver.page_source, "the search results")
    assert "Night staffing at Oaktrees" in driver.page_source
    assert "1-134558905" not in driver.current_url, "what was searched for is not in the address"
    check_page(driver, "search-results")


def test_a_viewer_cannot_change_anything(world, browser):
    url = world["urls"]["CQC"]
    driver = browser
    sign_in(driver, url, "v.viewer")
    assert "New case" not in driver.find_element("tag name", "nav").text
    driver.get(world["case_url"])
    wait_for(driver, lambda: "Your role lets you read cases" in driver.page_source, "the read-only case")
    assert "/steps/" not in driver.page_source and "/share" not in driver.page_source
    check_page(driver, "case-read-only")
    follow_link(driver, "Reports")
    wait_heading(driver, "Emerging Concerns Protocol reports")
    assert driver.find_elements("css selector", "svg[role=img] title")
    check_page(driver, "reports")
    driver.get(world["case_url"] + "/steps/outcome")
    wait_for(driver, lambda: heading(driver) in ("You cannot do this", "Page not found"), "a refusal")
    driver.get(url + "/new")
    wait_heading(driver, "You cannot do this")
    check_page(driver, "forbidden")


def test_withheld_content_reaches_only_the_named_invitee(world, browser):
    """CQC shares a panel, identifiable, naming C. Officer at NMC; NMC's colleague does not see
    the minutes, C. Officer does."""
    bin, stores = world["bin"], world["stores"]
    cqc = ["--store", stores["CQC"], "--user", "a.admin", "--json"]
    nmc = ["--store", stores["NMC"], "--json"]
    run(f"{bin}/triangulate", "concern", "add", "--category", "systems", "--setting", "nursing-home", "--title", "Registrations",
        "--summary", "s", "--source", "complaint", *cqc)
    reference = run(f"{bin}/triangulate", "concern", "list", *cqc)[0]["reference"]
    run(f"{bin}/triangulate", "concern", "evaluate", reference, "--decision", "trigger", "--rationale", "r", *cqc)
    run(f"{bin}/triangulate", "panel", "decide", reference, "--call", "--rationale", "r", *cqc)
    panel = f"{reference}/P1"
    run(f"{bin}/triangulate", "panel", "convene", panel, "--chair", "B. Chair", "--date", TODAY, *cqc)
    run(f"{bin}/triangulate", "panel", "invite", panel, "--org", "NMC", "--person", "C. Officer", "--role", "member",
        "--need-to-know", "Holds the registrations", *cqc)
    share = run(f"{bin}/triangulate", "share", panel, "--to", "NMC", "--purpose", "Regulatory Review Panel", "--basis", "ECP 2021",
                "--class", "identifiable", "--panel", panel, *cqc)["id"]
    run(f"{bin}/triangulate", "sync", *cqc)
    run(f"{bin}/triangulate", "sync", *nmc, "--user", "n.admin")
    minutes = "Minutes only the invitee may read"
    run(f"{bin}/triangulate", "received", "edit", share, "--set", f"minutes={minutes}", *nmc, "--user", "C. Officer")

    url = world["urls"]["NMC"]
    driver = browser
    sign_in(driver, url, "Someone Else")
    driver.get(f"{url}/received")
    wait_heading(driver, "Shared with us")
    check_page(driver, "received-list")
    driver.get(f"{url}/received/{share}")
    wait_for(driver, lambda: "You are not one of them" in driver.page_source, "the withheld notice")
    assert minutes not in driver.page_source
    check_page(driver, "received-withheld")
    submit(driver, "Sign out")
    wait_heading(driver, "Sign in")
    sign_in(driver, url, "C. Officer")
    driver.get(f"{url}/received/{share}")
    wait_for(driver, lambda: minutes in driver.page_source, "the minutes for the invitee")
    check_page(driver, "received-document")


def test_a_recipient_replies_to_an_alert_and_its_owner_records_it(world, browser):
    """A notice's recipient replies in the browser with a step its owner's process lets it take
    (an Ombudsman alert, sent here by NMC standing in for LGSCO); the owner's node records the
    step on its case after both sync."""
    bin, stores = world["bin"], world["stores"]
    nmc = ["--store", stores["NMC"], "--user", "n.admin", "--json"]
    cqc = ["--store", stores["CQC"], "--user", "a.admin", "--json"]
    run(f"{bin}/triangulate", "case", "open", "lgsco-alert", "--set", "title=26 012 345: falls not reported",
        "--set", "subject=Oak Care Ltd, Oaktrees 1-100000001", "--set", "alert=Breach of regulation 12", *nmc)
    share = run(f"{bin}/triangulate", "share", "OA-2026-0001/ALERT", "--to", "CQC", "--purpose", "Ombudsman alert",
                "--basis", "LGSCO-CQC MoU 4.7", *nmc)["id"]
    run(f"{bin}/triangulate", "sync", *nmc)
    run(f"{bin}/triangulate", "sync", *cqc)

    url = world["urls"]["CQC"]
    driver = browser
    sign_in(driver, url, "c.worker")
    driver.get(f"{url}/received/{share}")
    wait_for(driver, lambda: "Reply" in driver.page_source and "Breach of regulation 12" in driver.page_source, "the alert")
    check_page(driver, "received-alert")
    follow_link(driver, "Acknowledge the alert (CQC)")
    wait_heading(driver, "Acknowledge the alert (CQC)")
    type_into(driver, "on", "2001-01-01", clear=True)
    submit(driver, "Save")
    wait_for(driver, lambda: "There is a problem" in driver.page_source, "the refusal of a day before the case")
    type_into(driver, "on", (datetime.date.today() + datetime.timedelta(days=3)).isoformat(), clear=True)
    type_into(driver, "cqcReference", "CQC-REF-3301")
    submit(driver, "Save")
    wait_for(driver, lambda: "There is a problem" in driver.page_source, "the refusal of a day in the future")
    check_page(driver, "reply-errors")
    type_into(driver, "on", TODAY, clear=True)
    submit(driver, "Save")
    wait_for(driver, lambda: "Your reply is saved" in driver.page_source, "the reply")
    check_page(driver, "replied")
    assert "acknowledge cqcReference=CQC-REF-3301" in driver.page_source

    run(f"{bin}/triangulate", "sync", *cqc)
    run(f"{bin}/triangulate", "sync", *nmc)
    alert = run(f"{bin}/triangulate", "case", "show", "OA-2026-0001", *nmc)
    assert alert["flowCase"]["state"] == "acknowledged", alert
    assert [reply["from"] for reply in alert["replies"]] == ["CQC"]


def test_overlapping_concerns_are_alerted_and_introduced_only_with_consent(world, browser):
    """CQC and NMC hold concerns naming the same nurse; with the network's match key, each sync
    publishes keyed tokens and the worklists show the alert without naming the other. CQC asks
    to be put in touch in the browser; NMC reveals itself on its case's page; both are introduced."""
    bin, stores, directory = world["bin"], world["stores"], world["directory"]
    cqc = ["--store", stores["CQC"], "--user", "a.admin", "--json"]
    nmc = ["--store", stores["NMC"], "--user", "n.admin", "--json"]
    key = f"{directory}/network.key"
    run(f"{bin}/triangulate", "match", "key", "generate", "--out", key, *cqc)
    run(f"{bin}/triangulate", "match", "key", "import", key, *nmc)
    for arguments in (cqc, nmc):
        run(f"{bin}/triangulate", "concern", "add", "--category", "professionals", "--setting", "health", "--title", "Medicines errors",
            "--summary", "s", "--source", "complaint", "--subject", "professional:NMC:99Z1234X:A Nurse", *arguments)
    for _ in range(2):
        run(f"{bin}/triangulate", "sync", *cqc)
        run(f"{bin}/triangulate", "sync", *nmc)

    url = world["urls"]["CQC"]
    driver = browser
    sign_in(driver, url, "c.worker")
    wait_for(driver, lambda: "NMC registrant 99Z1234X" in driver.page_source, "the alert on the worklist")
    assert "1 other organisation" in driver.page_source and "Introduced to" not in driver.page_source
    check_page(driver, "worklist-match")
    submit(driver, "Ask to be put in touch")
    wait_for(driver, lambda: "You asked to be put in touch" in driver.page_source, "the request")

    run(f"{bin}/triangulate", "sync", *nmc)
    nmc_url = world["urls"]["NMC"]
    sign_in(driver, nmc_url, "C. Officer")
    wait_for(driver, lambda: "Another organisation asks to be put in touch" in driver.page_source, "the request at NMC")
    assert "CQC" not in driver.find_element("id", "matches").find_element("xpath", "following-sibling::table").text
    case = next(alert for alert in run(f"{bin}/triangulate", "match", "alerts", *nmc) if alert["subject"] == "NMC registrant 99Z1234X")
    driver.get(f"{nmc_url}/cases/{case['cases'][0]['id']}")
    wait_for(driver, lambda: "Other organisations hold cases on the same subjects" in driver.page_source, "the alert on the case")
    check_page(driver, "case-match")
    submit(driver, "Reveal us to them")
    wait_for(driver, lambda: "Introduced to CQC" in driver.page_source, "the introduction at NMC")
    run(f"{bin}/triangulate", "sync", *cqc)
    alerts = run(f"{bin}/triangulate", "match", "alerts", *cqc)
    assert [alert["introduced"] for alert in alerts if alert["subject"] == "NMC registrant 99Z1234X"] == [["NMC"]]


def test_a_provider_field_suggests_from_the_register(world, browser):
    """With CQC's register imported, typing part of a name offers the register's locations."""
    bin, stores, directory = world["bin"], world["stores"], world["directory"]
    register = directory + "/care-directory.csv"
    with open(register, "w", encoding="utf-8", newline="") as file:
        file.write("CQC Locations data\r\nThis data was produced on 01 December 2026\r\n\r\nOGL\r\n"
                   "Name,Also known as,Address,Postcode,Phone number,Service's website (if available),Service types,Date of latest check,"
                   "Specialisms/services,Provider name,Local authority,Region,Location URL,CQC Location ID (for office use only),"
                   "CQC Provider ID (for office use only)\r\n"
                   "Hollybank Care Home,,1 High Street,L34 1AA,0151,x,Care home,01/02/2026,Dementia,Holly Care Ltd,Knowsley,North West,u,"
                   "1-100000071,1-200000071\r\n")
    run(f"{bin}/triangulate", "provider", "import", register, "--store", stores["CQC"], "--user", "a.admin", "--json")
    url = world["urls"]["CQC"]
    driver = browser
    sign_in(driver, url, "c.worker")
    driver.get(url + "/new/pcp/initiate")
    wait_heading(driver, "Initiate the Provider Concerns Process")
    type_into(driver, "subject", "holly")
    wait_for(driver, lambda: driver.execute_script("return document.querySelectorAll('#subject-register option').length") > 0,
             "the register's suggestions")
    value = driver.execute_script("return document.querySelector('#subject-register option').value")
    assert value == "Hollybank Care Home, Holly Care Ltd 1-100000071", value
    check_page(driver, "register-suggestions")


def test_the_hub_console_shows_the_log_with_every_entry_proved(world, browser):
    driver = browser
    url = world["console"]
    driver.get(url + "/sign-in")
    wait_heading(driver, "Sign in")
    check_page(driver, "console-sign-in")
    type_into(driver, "name", "ops.one")
    type_into(driver, "password", PASSWORD)
    submit(driver, "Sign in")
    wait_heading(driver, "The hub")
    assert "Proof does not check" not in driver.page_source and "NOT consistent" not in driver.page_source
    check_page(driver, "console-overview")
    follow_link(driver, "Audit explorer")
    wait_heading(driver, "Audit explorer")
    type_into(driver, "organisation", "CQC")
    submit(driver, "Search the log")
    wait_for(driver, lambda: "CQC:" in driver.page_source, "the organisation's entries")
    assert "Included: proof checks" in driver.page_source and "Proof does not check" not in driver.page_source
    check_page(driver, "console-audit")
