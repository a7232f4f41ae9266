#!/usr/bin/env python3
"""Parse a JUnit XML report with xml.etree and check that the counts it declares match its
testcases. Exit 0 when consistent, 1 with one line per problem."""
import sys
import xml.etree.ElementTree as ET


def suite_errors(suite):
    cases = suite.findall("testcase")
    counted = {
        "tests": len(cases),
        "failures": sum(1 for c in cases if c.find("failure") is not None),
        "errors": sum(1 for c in cases if c.find("error") is not None),
        "skipped": sum(1 for c in cases if c.find("skipped") is not None),
    }
    for key, n in counted.items():
        if int(suite.get(key, "0")) != n:
            yield "testsuite %s: %s=%s but %d found" % (suite.get("name"), key, suite.get(key), n)
    for c in cases:
        if not c.get("name") or not c.get("classname"):
            yield "testsuite %s: testcase without name or classname" % suite.get("name")


def main():
    root = ET.parse(sys.argv[1]).getroot()
    problems = [] if root.tag == "testsuites" else ["root element is %s, not testsuites" % root.tag]
    suites = root.findall("testsuite")
    if not suites:
        problems.append("no testsuite")
    for suite in suites:
        problems += suite_errors(suite)
    for key in ("tests", "failures", "errors", "skipped"):
        total = sum(int(s.get(key, "0")) for s in suites)
        if int(root.get(key, "0")) != total:
            problems.append("testsuites: %s=%s but the suites hold %d" % (key, root.get(key), total))
    for p in problems:
        print("%s: %s" % (sys.argv[1], p), file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
