import { describeResource, everythingRestored, resourceList, resourcesNotCut, resourcesStillCut } from './access-restoration';
import { Resource } from './case.events';

const mediatheque: Resource = { kind: 'mailbox', label: 'Boîte mediatheque@' };
const direction: Resource = { kind: 'mailbox', label: 'Boîte direction@' };
const files: Resource = { kind: 'file_server' };

describe('Which resources of a cut-off a restoration gives back', () => {
  describe('given a cut-off of two labelled mailboxes and the file server', () => {
    const cutOff = [mediatheque, direction, files];

    it('when a restoration names the kinds without labels, then every resource of those kinds is back, whatever its label', () => {
      expect(resourcesStillCut(cutOff, [[{ kind: 'mailbox' }, { kind: 'file_server' }]])).toEqual([]);
      expect(everythingRestored(cutOff, [[{ kind: 'mailbox' }, { kind: 'file_server' }]])).toBe(true);
    });

    it('when a restoration names one mailbox by its label, then only that one is back', () => {
      expect(resourcesStillCut(cutOff, [[{ kind: 'mailbox', label: 'Boîte mediatheque@' }]])).toEqual([direction, files]);
    });

    it('when the label differs only by case or spacing, then it still names that mailbox', () => {
      expect(resourcesStillCut(cutOff, [[{ kind: 'mailbox', label: '  boîte   MEDIATHEQUE@ ' }]])).toEqual([direction, files]);
    });

    it('when a restoration names no resource (absent or empty list), then everything left is back', () => {
      expect(everythingRestored(cutOff, [[{ kind: 'file_server' }], []])).toBe(true);
      expect(everythingRestored(cutOff, [resourceList(undefined)])).toBe(true);
    });

    it('when partial restorations add up, then the cut-off is over only with the last resource', () => {
      expect(everythingRestored(cutOff, [[mediatheque], [files]])).toBe(false);
      expect(everythingRestored(cutOff, [[mediatheque], [files], [direction]])).toBe(true);
    });

    it('when no restoration was filed, then nothing is back', () => {
      expect(everythingRestored(cutOff, [])).toBe(false);
    });

    it('then a resource the cut-off did not take (another kind, or a label it did not name) gives back nothing', () => {
      expect(resourcesNotCut([{ kind: 'phone' }, { kind: 'mailbox', label: 'Boîte accueil@' }, { kind: 'mailbox' }], cutOff)).toEqual([
        { kind: 'phone' },
        { kind: 'mailbox', label: 'Boîte accueil@' },
      ]);
    });
  });

  describe('given a cut-off that named a kind without a label', () => {
    it('when the restoration names it with a label, then that label says which one it was: it is back', () => {
      expect(resourcesNotCut([{ kind: 'file_server', label: 'Serveur S:' }], [files])).toEqual([]);
      expect(everythingRestored([files], [[{ kind: 'file_server', label: 'Serveur S:' }]])).toBe(true);
    });
  });

  it('then stored data of another shape is read without failing, and resources are described for messages', () => {
    expect(resourceList([null, 'mailbox', { kind: 'fax' }, { kind: 'chat' }])).toEqual([{ kind: 'chat' }]);
    expect(resourceList('mailbox')).toEqual([]);
    expect(describeResource(mediatheque)).toBe('mailbox (Boîte mediatheque@)');
    expect(describeResource(files)).toBe('file_server');
  });
});
