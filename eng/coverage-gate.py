#!/usr/bin/env python3
"""Fails when the merged Cobertura report covers fewer lines than the threshold: coverage-gate.py REPORT PERCENT."""
import sys
import xml.etree.ElementTree as ET

report, threshold = sys.argv[1], float(sys.argv[2])
rate = float(ET.parse(report).getroot().get("line-rate")) * 100
print(f"Line coverage {rate:.1f} % (gate {threshold:.0f} %)")
sys.exit(0 if rate >= threshold else 1)
