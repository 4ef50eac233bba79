#!/usr/bin/env python3
"""Validates RareSynth's FHIR R4 output with an independent validator.

Each resource is parsed by the R4 (4.0.1) models of the `fhir.resources` package, version 6.4.0
(installed by scripts/test-tools), which check every element's type and cardinality, required
elements included. The models do not check code values, so this script also checks the required
codes against R4's value sets (http://hl7.org/fhir/R4/valueset-*.html), that every reference
resolves (Patient/<id> etc. in Bulk Data files, urn:uuid full URLs inside a transaction Bundle),
and that no resource is dated before its patient's birth or after their death. A Patient's race and
ethnicity extensions are checked against US Core 3.1.1 (us-core-race, us-core-ethnicity): `text`
1..1, `ombCategory` from the OMB categories of the CDC Race and Ethnicity code system
(urn:oid:2.16.840.1.113883.6.238) or the null flavours UNK and ASKU, at most 5 for race and 1 for
ethnicity; no other extension is expected.

usage: validate_fhir.py ndjson DIR | bundles DIR        prints a JSON summary; exit 1 on any problem
"""
import glob, json, os, sys
from fhir.resources import __fhir_version__
from fhir.resources.bundle import Bundle
from fhir.resources.condition import Condition
from fhir.resources.encounter import Encounter
from fhir.resources.medicationrequest import MedicationRequest
from fhir.resources.observation import Observation
from fhir.resources.patient import Patient
from fhir.resources.procedure import Procedure

assert __fhir_version__ == '4.0.1', __fhir_version__
MODELS = {'Patient': Patient, 'Encounter': Encounter, 'Condition': Condition, 'Observation': Observation,
          'MedicationRequest': MedicationRequest, 'Procedure': Procedure}
CODES = {  # R4 required bindings
    ('Patient', 'gender'): {'male', 'female', 'other', 'unknown'},
    ('Encounter', 'status'): {'planned', 'arrived', 'triaged', 'in-progress', 'onleave', 'finished', 'cancelled',
                              'entered-in-error', 'unknown'},
    ('Observation', 'status'): {'registered', 'preliminary', 'final', 'amended', 'corrected', 'cancelled',
                                'entered-in-error', 'unknown'},
    ('MedicationRequest', 'status'): {'active', 'on-hold', 'cancelled', 'completed', 'entered-in-error', 'stopped',
                                      'draft', 'unknown'},
    ('MedicationRequest', 'intent'): {'proposal', 'plan', 'order', 'original-order', 'reflex-order', 'filler-order',
                                      'instance-order', 'option'},
    ('Procedure', 'status'): {'preparation', 'in-progress', 'not-done', 'on-hold', 'stopped', 'completed',
                              'entered-in-error', 'unknown'},
}
DATES = {'Encounter': ['period.start', 'period.end'], 'Condition': ['onsetDateTime', 'recordedDate'],
         'Observation': ['effectiveDateTime'], 'MedicationRequest': ['authoredOn'], 'Procedure': ['performedDateTime']}
US_CORE = {  # US Core 3.1.1: omb-race-category and omb-ethnicity-category value sets, ombCategory max
    'http://hl7.org/fhir/us/core/StructureDefinition/us-core-race': ({'1002-5', '2028-9', '2054-5', '2076-8', '2106-3'}, 5),
    'http://hl7.org/fhir/us/core/StructureDefinition/us-core-ethnicity': ({'2135-2', '2186-5'}, 1),
}
CDC = 'urn:oid:2.16.840.1.113883.6.238'
NULL_FLAVOR = 'http://terminology.hl7.org/CodeSystem/v3-NullFlavor'
problems, counts = [], {}


def problem(where, text):
    if len(problems) < 50:
        problems.append(f'{where}: {text}')


def get(resource, path):
    for part in path.split('.'):
        resource = resource.get(part) if isinstance(resource, dict) else None
    return resource


def check(resource, where):
    kind = resource.get('resourceType')
    if kind not in MODELS:
        return problem(where, f'unexpected resourceType {kind}')
    counts[kind] = counts.get(kind, 0) + 1
    try:
        MODELS[kind].parse_obj(resource)
    except Exception as e:  # pydantic ValidationError
        problem(where, f'{kind} does not validate: {e}'.replace('\n', ' '))
    for ext in resource.get('extension', []):
        url = ext.get('url')
        if kind != 'Patient' or url not in US_CORE:
            problem(where, f'unexpected extension {url} on {kind}')
            continue
        allowed, most = US_CORE[url]
        parts = ext.get('extension', [])
        texts = [e for e in parts if e.get('url') == 'text']
        if len(texts) != 1 or not isinstance(texts[0].get('valueString'), str) or not texts[0]['valueString']:
            problem(where, f'{url}: text must occur once, with a valueString')
        omb = [e for e in parts if e.get('url') == 'ombCategory']
        if len(omb) > most:
            problem(where, f'{url}: {len(omb)} ombCategory, at most {most}')
        for e in omb:
            c = e.get('valueCoding', {})
            if not ((c.get('system') == CDC and c.get('code') in allowed) or
                    (c.get('system') == NULL_FLAVOR and c.get('code') in {'UNK', 'ASKU'})):
                problem(where, f'{url}: ombCategory {c} is not an OMB category')
        for e in parts:
            if e.get('url') not in ('text', 'ombCategory', 'detailed'):
                problem(where, f'{url}: unexpected part {e.get("url")}')
    for (k, element), allowed in CODES.items():
        if k == kind and resource.get(element) not in allowed:
            problem(where, f'{kind}.{element} = {resource.get(element)!r} is not in the R4 value set')


def references(resource):
    found = []
    def walk(x):
        if isinstance(x, dict):
            for key, value in x.items():
                if key == 'reference' and isinstance(value, str):
                    found.append(value)
                else:
                    walk(value)
        elif isinstance(x, list):
            for v in x:
                walk(v)
    walk(resource)
    return found


def check_dates(resource, patient, where):
    birth, death = patient.get('birthDate'), patient.get('deceasedDateTime')
    for path in DATES.get(resource['resourceType'], []):
        d = get(resource, path)
        if d is None:
            continue
        if d < birth:
            problem(where, f'{path} {d} before birth {birth}')
        if death and d > death:
            problem(where, f'{path} {d} after death {death}')


mode, root = sys.argv[1], sys.argv[2]
if mode == 'ndjson':
    resources = {}
    for path in sorted(glob.glob(os.path.join(root, '*.ndjson'))):
        kind = os.path.basename(path)[:-len('.ndjson')]
        with open(path) as f:
            for n, line in enumerate(f, 1):
                r = json.loads(line)
                where = f'{os.path.basename(path)}:{n}'
                if r.get('resourceType') != kind:
                    problem(where, f'a {r.get("resourceType")} in {kind}.ndjson')
                check(r, where)
                key = f'{kind}/{r["id"]}'
                if key in resources:
                    problem(where, f'duplicate id {key}')
                resources[key] = r
    for key, r in resources.items():
        for target in references(r):
            if target not in resources:
                problem(key, f'reference {target} does not resolve')
        subject = get(r, 'subject.reference')
        if subject in resources:
            check_dates(r, resources[subject], key)
elif mode == 'bundles':
    for path in sorted(glob.glob(os.path.join(root, '*.json'))):
        with open(path) as f:
            bundle = json.load(f)
        where = os.path.basename(path)
        counts['Bundle'] = counts.get('Bundle', 0) + 1
        try:
            Bundle.parse_obj(bundle)
        except Exception as e:
            problem(where, f'Bundle does not validate: {e}'.replace('\n', ' '))
        if bundle.get('type') != 'transaction':
            problem(where, 'not a transaction Bundle')
        urls = {}
        for n, entry in enumerate(bundle.get('entry', [])):
            request = entry.get('request', {})
            if request.get('method') != 'POST' or request.get('url') != entry['resource']['resourceType']:
                problem(f'{where} entry {n}', f'request {request}')
            if not entry.get('fullUrl', '').startswith('urn:uuid:') or entry['fullUrl'] in urls:
                problem(f'{where} entry {n}', f'fullUrl {entry.get("fullUrl")}')
            urls[entry['fullUrl']] = entry['resource']
            check(entry['resource'], f'{where} entry {n}')
        for url, r in urls.items():
            for target in references(r):
                if target not in urls:
                    problem(where, f'reference {target} does not resolve within the Bundle')
            subject = get(r, 'subject.reference')
            if subject in urls:
                check_dates(r, urls[subject], where)
else:
    sys.exit(f'unknown mode {mode}')
print(json.dumps({'fhirVersion': __fhir_version__, 'counts': counts, 'problems': problems}))
sys.exit(1 if problems or not counts else 0)
