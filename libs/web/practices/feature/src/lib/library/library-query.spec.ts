import { facetOptions, libraryQueryParams, parseLibraryQuery } from './library-query';
import { searchResponse } from '../testing/practice-fixtures';

describe('library query string', () => {
  it('reads a search from the address, leaving out what the API would refuse', () => {
    expect(
      parseLibraryQuery({
        q: '  реинтеграция ',
        country: 'KZ',
        theme: 'education',
        targetGroup: 'aliens',
        language: 'tk',
        evidence: 'rumour',
        page: '3',
      }),
    ).toEqual({ q: 'реинтеграция', country: 'KZ', theme: 'education', language: 'tk', page: 3 });
    expect(parseLibraryQuery({ country: 'FR', page: '0' })).toEqual({});
    expect(parseLibraryQuery({ page: '1.5' })).toEqual({});
    expect(parseLibraryQuery({ q: 'x'.repeat(300) }).q).toHaveLength(200);
  });

  it('writes a search back, without empty values or page 1', () => {
    expect(libraryQueryParams({ q: 'family', theme: 'health', page: 1 })).toEqual({ q: 'family', theme: 'health' });
    expect(libraryQueryParams({ evidence: 'evaluated', page: 2 })).toEqual({ evidence: 'evaluated', page: '2' });
    expect(libraryQueryParams({})).toEqual({});
  });

  it('lists the facet values with matches in their usual order, and keeps the chosen one', () => {
    const facets = { ...searchResponse().facets, country: { UZ: 2, KZ: 5 } };

    expect(facetOptions(facets, 'country', undefined)).toEqual([
      { value: 'KZ', count: 5, selected: false },
      { value: 'UZ', count: 2, selected: false },
    ]);
    expect(facetOptions(facets, 'evidence', 'evaluated')).toEqual([
      { value: 'documented', count: 1, selected: false },
      { value: 'evaluated', count: 0, selected: true },
    ]);
    expect(facetOptions(null, 'theme', undefined)).toEqual([]);
  });
});
