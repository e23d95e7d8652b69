#!/usr/bin/env python3
"""Writes the beta response fixtures the tests in test/beta decode.

Usage (from the repository root, needs PyYAML):

    python3 test/beta/testdata/gen_fixtures.py /path/to/certifications-beta.yaml

The beta spec has no whole-response examples, only examples on properties
(and named examples for some error responses). A body is assembled from
them: a schema's own example wins, an object is built from its properties
(allOf parts merged), an array holds one item, and a value without an
example falls back to its first enum value. Outputs:

  examples/<operationId>.json          200 body
  examples/<operationId>.request.json  request body, if the operation has one
  errors/<status>.json                 error body; the named example when the
                                       spec gives one, else the schema-built
                                       body. The script checks that every
                                       operation declares the same error body.
"""
import json
import os
import sys

import yaml


def build(s, path):
    if 'example' in s:
        return s['example']
    if 'allOf' in s:
        out = {}
        for part in s['allOf']:
            out.update(build(part, path))
        return out
    if s.get('type') == 'object' or 'properties' in s:
        return {k: build(v, path + '.' + k) for k, v in (s.get('properties') or {}).items()}
    if s.get('type') == 'array':
        return [build(s['items'], path + '[]')]
    if 'enum' in s:
        return s['enum'][0]
    raise SystemExit('no example for ' + path)


def body(content):
    media = content['application/json']
    if 'examples' in media:
        return next(iter(media['examples'].values()))['value']
    return build(media['schema'], '')


def write(path, value):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w') as f:
        json.dump(value, f, indent=2)
        f.write('\n')


def main():
    spec = yaml.safe_load(open(sys.argv[1]))
    root = os.path.dirname(os.path.abspath(__file__))
    errors = {}
    for ops in spec['paths'].values():
        for op in ops.values():
            oid = op['operationId']
            write(f'{root}/examples/{oid}.json', body(op['responses']['200']['content']))
            if 'requestBody' in op:
                write(f'{root}/examples/{oid}.request.json',
                      build(op['requestBody']['content']['application/json']['schema'], oid))
            for code, resp in op['responses'].items():
                if code == '200':
                    continue
                b = body(resp['content'])
                if errors.setdefault(code, b) != b:
                    raise SystemExit(f'{oid} declares another {code} body')
    for code, b in errors.items():
        write(f'{root}/errors/{code}.json', b)


if __name__ == '__main__':
    main()
