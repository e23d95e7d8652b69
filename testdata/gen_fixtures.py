#!/usr/bin/env python3
"""Regenerates the JSON fixtures the model tests read.

Usage (from anywhere, needs PyYAML):

    python3 testdata/gen_fixtures.py

It reads the definitions in testdata/openapi and writes:

  testdata/examples/<operationId>.json          example 200 body of each v3
                                                operation (Certifications and
                                                Certification Summaries)
  testdata/examples/<operationId>.request.json  example request body, if any
  testdata/spec/v3-schemas.json                 per v3 operation: the 200 and
                                                request schemas, reduced to
                                                their shape, and the enum
                                                parameters
  testdata/spec/v1-schemas.json                 the same for the v1
                                                operations (operationIds with
                                                the V1 suffix)

A body's example is the one its media type documents, if any, the way a
spec-driven mock server (Prism, static mode) picks it. Otherwise it is
assembled the way such a server does: a schema's own `example` wins, an
object is built from its properties, an array holds one generated item, and a
property without an example falls back to its default, its first enum value
or a placeholder. That is why task examples carry `reassignmentTrailDTOs` as a
single object: the spec's example for that array is an object.
"""
import json
import os
import sys

import yaml

SHAPE_KEYS = ('type', 'format', 'nullable', 'enum', 'required', 'readOnly')

# The definitions of each API generation, in testdata/openapi.
GENERATIONS = {
    'v3': ['certifications-v3.structure.yaml', 'certification-summaries-v3.structure.yaml',
           'certification-campaigns-v3.structure.yaml', 'certification-campaign-filters-v3.structure.yaml',
           'campaign-reports-v3.structure.yaml'],
    'v1': ['certifications-v1.structure.yaml', 'certification-summaries-v1.structure.yaml',
           'certification-campaigns-v1.structure.yaml', 'certification-campaign-filters-v1.structure.yaml',
           'campaign-reports-v1.structure.yaml'],
}

# The generation whose examples testdata/examples holds.
EXAMPLES = 'v3'


def example(s, path, missing):
    if 'example' in s:
        return s['example']
    if 'allOf' in s or 'anyOf' in s:
        return example(merged(s), path, missing)
    t = s.get('type')
    if t == 'object' or 'properties' in s:
        return {k: example(v, path + '.' + k, missing)
                for k, v in (s.get('properties') or {}).items()}
    if t == 'array':
        return [example(s['items'], path + '[]', missing)]
    missing.append(path)
    if 'default' in s:
        return s['default']
    if 'enum' in s:
        return s['enum'][0]
    if t == 'string':
        return '2020-01-01T00:00:00Z' if s.get('format') == 'date-time' else 'string'
    if t == 'integer':
        return 0
    if t == 'boolean':
        return True
    raise SystemExit('cannot build an example for ' + path)


def body_example(content, path, missing):
    if 'example' in content:
        return content['example']
    return example(content['schema'], path, missing)


def merged(s):
    """Folds allOf into one object and anyOf into its widest member: the
    campaign list's anyOf of the full and the slim campaign decodes into one
    Go type, which must have every property of the full one."""
    if 'allOf' in s:
        out = {'type': 'object', 'properties': {}, 'required': []}
        for part in s['allOf']:
            m = merged(part)
            out['properties'].update(m.get('properties') or {})
            out['required'] += m.get('required') or []
        if 'nullable' in s:
            out['nullable'] = s['nullable']
        return out
    if 'anyOf' in s:
        return max((merged(m) for m in s['anyOf']), key=lambda m: len(m.get('properties') or {}))
    return s


def shape(s):
    s = merged(s)
    out = {k: s[k] for k in SHAPE_KEYS if k in s}
    if 'properties' in s:
        out['properties'] = {k: shape(v) for k, v in s['properties'].items()}
    if 'items' in s:
        out['items'] = shape(s['items'])
    return out


def dump(path, value):
    with open(path, 'w') as f:
        json.dump(value, f, indent=2)
        f.write('\n')


def operations(root, files):
    for name in files:
        with open(os.path.join(root, 'openapi', name)) as f:
            spec = yaml.safe_load(f)
        for ops in spec['paths'].values():
            for op in ops.values():
                yield op


def main():
    if len(sys.argv) != 1:
        raise SystemExit(__doc__)
    root = os.path.dirname(os.path.abspath(__file__))
    missing = []
    for generation, files in GENERATIONS.items():
        schemas = {}
        for op in operations(root, files):
            oid = op['operationId']
            entry = {}
            # The success answer: 200, else 202; a 204 or a file has no
            # JSON shape.
            ok = op['responses'].get('200') or op['responses'].get('202') or {}
            content = (ok.get('content') or {}).get('application/json')
            if content:
                entry['response'] = shape(content['schema'])
                if generation == EXAMPLES:
                    dump(f'{root}/examples/{oid}.json', body_example(content, oid, missing))
            body = op.get('requestBody')
            if body:
                content = body['content'].get('application/json') or body['content']['application/json-patch+json']
                if generation == EXAMPLES:
                    dump(f'{root}/examples/{oid}.request.json', body_example(content, oid + '.body', missing))
                entry['request'] = shape(content['schema'])
            params = {p['name']: dict(shape(p['schema']), **{'in': p['in']})
                      for p in op.get('parameters', []) if 'enum' in p['schema']}
            if params:
                entry['parameters'] = params
            schemas[oid] = entry
        dump(f'{root}/spec/{generation}-schemas.json', schemas)
    for m in missing:
        print('placeholder used for', m, file=sys.stderr)


if __name__ == '__main__':
    main()
