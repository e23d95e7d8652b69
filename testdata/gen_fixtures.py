#!/usr/bin/env python3
"""Regenerates the JSON fixtures the model tests read.

Usage (from the repository root, needs PyYAML):

    python3 testdata/gen_fixtures.py /path/to/certifications-v3.yaml

It writes:

  testdata/examples/<operationId>.json          example 200 body
  testdata/examples/<operationId>.request.json  example request body, if any
  testdata/spec/v3-schemas.json                 the 200 and request schemas,
                                                reduced to their shape

The spec gives no whole-response examples, only property-level ones, so an
example body is assembled the way a spec-driven mock server (Prism, static
mode) does: a schema's own `example` wins, an object is built from its
properties, an array holds one generated item, and a property without an
example falls back to its default, its first enum value or a placeholder.
That is why task examples carry `reassignmentTrailDTOs` as a single object:
the spec's example for that array is an object.
"""
import json
import os
import sys

import yaml

SHAPE_KEYS = ('type', 'format', 'nullable', 'enum', 'required')


def example(s, path, missing):
    if 'example' in s:
        return s['example']
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


def shape(s):
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


def main():
    spec = yaml.safe_load(open(sys.argv[1]))
    root = os.path.dirname(os.path.abspath(__file__))
    schemas, missing = {}, []
    for ops in spec['paths'].values():
        for op in ops.values():
            oid = op['operationId']
            resp = op['responses']['200']['content']['application/json']['schema']
            dump(f'{root}/examples/{oid}.json', example(resp, oid, missing))
            entry = {'response': shape(resp)}
            body = op.get('requestBody')
            if body:
                content = body['content']['application/json']
                req = content.get('example') or example(content['schema'], oid + '.body', missing)
                dump(f'{root}/examples/{oid}.request.json', req)
                entry['request'] = shape(content['schema'])
            schemas[oid] = entry
    dump(f'{root}/spec/v3-schemas.json', schemas)
    for m in missing:
        print('placeholder used for', m, file=sys.stderr)


if __name__ == '__main__':
    main()
