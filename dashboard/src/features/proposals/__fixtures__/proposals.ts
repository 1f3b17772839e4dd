// Responses of the proposals queries, taken from the generated dataset (Jawa Barat, version 5; the
// sub-regions cut to six kabupaten/kota, the list to its first page of three).
import type { ProposalsFunnelQuery, ProposalsListQuery, ProposalsSubRegionsQuery } from '../../../generated/graphql';

export const funnelFixture: ProposalsFunnelQuery = {
  "byStatus": {
    "totalProposals": 66,
    "groups": [
      {
        "key": "SUBMITTED",
        "proposals": 7,
        "share": 0.10606060606060606,
        "decidedProposals": 0,
        "medianDaysToDecision": null,
        "medianIsExact": true,
        "cellMedianDaysMin": null,
        "cellMedianDaysMax": null,
        "suppressed": []
      },
      {
        "key": "VERIFIED",
        "proposals": 25,
        "share": 0.3787878787878788,
        "decidedProposals": 0,
        "medianDaysToDecision": null,
        "medianIsExact": true,
        "cellMedianDaysMin": null,
        "cellMedianDaysMax": null,
        "suppressed": []
      },
      {
        "key": "GROUND_CHECKED",
        "proposals": 6,
        "share": 0.09090909090909091,
        "decidedProposals": 0,
        "medianDaysToDecision": null,
        "medianIsExact": true,
        "cellMedianDaysMin": null,
        "cellMedianDaysMax": null,
        "suppressed": []
      },
      {
        "key": "APPROVED",
        "proposals": 15,
        "share": 0.22727272727272727,
        "decidedProposals": 15,
        "medianDaysToDecision": 49.5,
        "medianIsExact": false,
        "cellMedianDaysMin": 49,
        "cellMedianDaysMax": 68.5,
        "suppressed": []
      },
      {
        "key": "REJECTED",
        "proposals": 13,
        "share": 0.19696969696969696,
        "decidedProposals": 13,
        "medianDaysToDecision": 46,
        "medianIsExact": false,
        "cellMedianDaysMin": 19,
        "cellMedianDaysMax": 63,
        "suppressed": []
      }
    ],
    "cells": [
      {
        "kind": "DESIL_UPDATE",
        "path": "FORMAL",
        "status": "REJECTED",
        "proposals": 1,
        "medianDaysToDecision": 63,
        "suppressed": []
      },
      {
        "kind": "DESIL_UPDATE",
        "path": "FORMAL",
        "status": "SUBMITTED",
        "proposals": 2,
        "medianDaysToDecision": null,
        "suppressed": []
      },
      {
        "kind": "DESIL_UPDATE",
        "path": "FORMAL",
        "status": "VERIFIED",
        "proposals": 2,
        "medianDaysToDecision": null,
        "suppressed": []
      },
      {
        "kind": "DESIL_UPDATE",
        "path": "PARTICIPATORY",
        "status": "GROUND_CHECKED",
        "proposals": 1,
        "medianDaysToDecision": null,
        "suppressed": []
      },
      {
        "kind": "DESIL_UPDATE",
        "path": "PARTICIPATORY",
        "status": "REJECTED",
        "proposals": 4,
        "medianDaysToDecision": 50.5,
        "suppressed": []
      },
      {
        "kind": "DESIL_UPDATE",
        "path": "PARTICIPATORY",
        "status": "SUBMITTED",
        "proposals": 2,
        "medianDaysToDecision": null,
        "suppressed": []
      },
      {
        "kind": "DESIL_UPDATE",
        "path": "PARTICIPATORY",
        "status": "VERIFIED",
        "proposals": 3,
        "medianDaysToDecision": null,
        "suppressed": []
      },
      {
        "kind": "PBI_REACTIVATION",
        "path": "FORMAL",
        "status": "GROUND_CHECKED",
        "proposals": 1,
        "medianDaysToDecision": null,
        "suppressed": []
      },
      {
        "kind": "PBI_REACTIVATION",
        "path": "PARTICIPATORY",
        "status": "VERIFIED",
        "proposals": 2,
        "medianDaysToDecision": null,
        "suppressed": []
      },
      {
        "kind": "SANGGAH",
        "path": "FORMAL",
        "status": "APPROVED",
        "proposals": 4,
        "medianDaysToDecision": 49.5,
        "suppressed": []
      },
      {
        "kind": "SANGGAH",
        "path": "FORMAL",
        "status": "GROUND_CHECKED",
        "proposals": 2,
        "medianDaysToDecision": null,
        "suppressed": []
      },
      {
        "kind": "SANGGAH",
        "path": "FORMAL",
        "status": "REJECTED",
        "proposals": 1,
        "medianDaysToDecision": 19,
        "suppressed": []
      },
      {
        "kind": "SANGGAH",
        "path": "FORMAL",
        "status": "VERIFIED",
        "proposals": 5,
        "medianDaysToDecision": null,
        "suppressed": []
      },
      {
        "kind": "SANGGAH",
        "path": "PARTICIPATORY",
        "status": "APPROVED",
        "proposals": 4,
        "medianDaysToDecision": 68.5,
        "suppressed": []
      },
      {
        "kind": "SANGGAH",
        "path": "PARTICIPATORY",
        "status": "GROUND_CHECKED",
        "proposals": 1,
        "medianDaysToDecision": null,
        "suppressed": []
      },
      {
        "kind": "SANGGAH",
        "path": "PARTICIPATORY",
        "status": "REJECTED",
        "proposals": 1,
        "medianDaysToDecision": 28,
        "suppressed": []
      },
      {
        "kind": "SANGGAH",
        "path": "PARTICIPATORY",
        "status": "SUBMITTED",
        "proposals": 1,
        "medianDaysToDecision": null,
        "suppressed": []
      },
      {
        "kind": "SANGGAH",
        "path": "PARTICIPATORY",
        "status": "VERIFIED",
        "proposals": 7,
        "medianDaysToDecision": null,
        "suppressed": []
      },
      {
        "kind": "USULAN",
        "path": "FORMAL",
        "status": "APPROVED",
        "proposals": 5,
        "medianDaysToDecision": 49,
        "suppressed": []
      },
      {
        "kind": "USULAN",
        "path": "FORMAL",
        "status": "GROUND_CHECKED",
        "proposals": 1,
        "medianDaysToDecision": null,
        "suppressed": []
      },
      {
        "kind": "USULAN",
        "path": "FORMAL",
        "status": "REJECTED",
        "proposals": 4,
        "medianDaysToDecision": 46,
        "suppressed": []
      },
      {
        "kind": "USULAN",
        "path": "FORMAL",
        "status": "SUBMITTED",
        "proposals": 1,
        "medianDaysToDecision": null,
        "suppressed": []
      },
      {
        "kind": "USULAN",
        "path": "FORMAL",
        "status": "VERIFIED",
        "proposals": 4,
        "medianDaysToDecision": null,
        "suppressed": []
      },
      {
        "kind": "USULAN",
        "path": "PARTICIPATORY",
        "status": "APPROVED",
        "proposals": 2,
        "medianDaysToDecision": 51,
        "suppressed": []
      },
      {
        "kind": "USULAN",
        "path": "PARTICIPATORY",
        "status": "REJECTED",
        "proposals": 2,
        "medianDaysToDecision": 45.5,
        "suppressed": []
      },
      {
        "kind": "USULAN",
        "path": "PARTICIPATORY",
        "status": "SUBMITTED",
        "proposals": 1,
        "medianDaysToDecision": null,
        "suppressed": []
      },
      {
        "kind": "USULAN",
        "path": "PARTICIPATORY",
        "status": "VERIFIED",
        "proposals": 2,
        "medianDaysToDecision": null,
        "suppressed": []
      }
    ]
  },
  "byPath": {
    "groups": [
      {
        "key": "FORMAL",
        "proposals": 33,
        "share": 0.5,
        "decidedProposals": 15,
        "medianDaysToDecision": 49,
        "medianIsExact": false,
        "cellMedianDaysMin": 19,
        "cellMedianDaysMax": 63,
        "suppressed": []
      },
      {
        "key": "PARTICIPATORY",
        "proposals": 33,
        "share": 0.5,
        "decidedProposals": 13,
        "medianDaysToDecision": 50.5,
        "medianIsExact": false,
        "cellMedianDaysMin": 28,
        "cellMedianDaysMax": 68.5,
        "suppressed": []
      }
    ]
  },
  "byKind": {
    "groups": [
      {
        "key": "USULAN",
        "proposals": 22,
        "share": 0.3333333333333333,
        "decidedProposals": 13,
        "medianDaysToDecision": 49,
        "medianIsExact": false,
        "cellMedianDaysMin": 45.5,
        "cellMedianDaysMax": 51,
        "suppressed": []
      },
      {
        "key": "SANGGAH",
        "proposals": 26,
        "share": 0.3939393939393939,
        "decidedProposals": 10,
        "medianDaysToDecision": 49.5,
        "medianIsExact": false,
        "cellMedianDaysMin": 19,
        "cellMedianDaysMax": 68.5,
        "suppressed": []
      },
      {
        "key": "DESIL_UPDATE",
        "proposals": 15,
        "share": 0.22727272727272727,
        "decidedProposals": 5,
        "medianDaysToDecision": 50.5,
        "medianIsExact": false,
        "cellMedianDaysMin": 50.5,
        "cellMedianDaysMax": 63,
        "suppressed": []
      },
      {
        "key": "PBI_REACTIVATION",
        "proposals": 3,
        "share": 0.045454545454545456,
        "decidedProposals": 0,
        "medianDaysToDecision": null,
        "medianIsExact": true,
        "cellMedianDaysMin": null,
        "cellMedianDaysMax": null,
        "suppressed": []
      }
    ]
  }
};

export const subRegionsFixture: ProposalsSubRegionsQuery = {
  "proposalFunnel": {
    "totalProposals": 66,
    "groups": [
      {
        "key": "32.01",
        "proposals": 6,
        "share": 0.09090909090909091,
        "decidedProposals": 2,
        "medianDaysToDecision": 43.5,
        "medianIsExact": false,
        "cellMedianDaysMin": 19,
        "cellMedianDaysMax": 68,
        "suppressed": [],
        "region": {
          "code": "32.01",
          "name": "Kabupaten Bogor",
          "level": "REGENCY"
        }
      },
      {
        "key": "32.02",
        "proposals": 1,
        "share": 0.015151515151515152,
        "decidedProposals": 0,
        "medianDaysToDecision": null,
        "medianIsExact": true,
        "cellMedianDaysMin": null,
        "cellMedianDaysMax": null,
        "suppressed": [],
        "region": {
          "code": "32.02",
          "name": "Kabupaten Sukabumi",
          "level": "REGENCY"
        }
      },
      {
        "key": "32.03",
        "proposals": 4,
        "share": 0.06060606060606061,
        "decidedProposals": 2,
        "medianDaysToDecision": 45,
        "medianIsExact": false,
        "cellMedianDaysMin": 40,
        "cellMedianDaysMax": 50,
        "suppressed": [],
        "region": {
          "code": "32.03",
          "name": "Kabupaten Cianjur",
          "level": "REGENCY"
        }
      },
      {
        "key": "32.04",
        "proposals": 7,
        "share": 0.10606060606060606,
        "decidedProposals": 4,
        "medianDaysToDecision": 43,
        "medianIsExact": false,
        "cellMedianDaysMin": 43,
        "cellMedianDaysMax": 44,
        "suppressed": [],
        "region": {
          "code": "32.04",
          "name": "Kabupaten Bandung",
          "level": "REGENCY"
        }
      },
      {
        "key": "32.05",
        "proposals": 4,
        "share": 0.06060606060606061,
        "decidedProposals": 1,
        "medianDaysToDecision": 55,
        "medianIsExact": true,
        "cellMedianDaysMin": 55,
        "cellMedianDaysMax": 55,
        "suppressed": [],
        "region": {
          "code": "32.05",
          "name": "Kabupaten Garut",
          "level": "REGENCY"
        }
      },
      {
        "key": "32.06",
        "proposals": 1,
        "share": 0.015151515151515152,
        "decidedProposals": 0,
        "medianDaysToDecision": null,
        "medianIsExact": true,
        "cellMedianDaysMin": null,
        "cellMedianDaysMax": null,
        "suppressed": [],
        "region": {
          "code": "32.06",
          "name": "Kabupaten Tasikmalaya",
          "level": "REGENCY"
        }
      }
    ]
  }
};

export const listFixture: ProposalsListQuery = {
  "proposals": {
    "totalCount": 66,
    "pageInfo": {
      "endCursor": "NDA0",
      "hasNextPage": true
    },
    "edges": [
      {
        "node": {
          "id": 388,
          "kind": "SANGGAH",
          "path": "FORMAL",
          "programCode": "PIP",
          "status": "REJECTED",
          "submittedAt": "2026-04-17T00:00:00.000Z",
          "decidedAt": "2026-05-06T00:00:00.000Z",
          "village": {
            "code": "32.01.40.2004",
            "name": "Situdaun",
            "parent": {
              "name": "Tenjolaya"
            }
          }
        }
      },
      {
        "node": {
          "id": 391,
          "kind": "SANGGAH",
          "path": "PARTICIPATORY",
          "programCode": "SEMBAKO",
          "status": "APPROVED",
          "submittedAt": "2026-04-06T00:00:00.000Z",
          "decidedAt": "2026-06-13T00:00:00.000Z",
          "village": {
            "code": "32.01.26.2006",
            "name": "Cipayung",
            "parent": {
              "name": "Megamendung"
            }
          }
        }
      },
      {
        "node": {
          "id": 404,
          "kind": "PBI_REACTIVATION",
          "path": "PARTICIPATORY",
          "programCode": "PBI_JKN",
          "status": "VERIFIED",
          "submittedAt": "2026-06-05T00:00:00.000Z",
          "decidedAt": null,
          "village": {
            "code": "32.01.09.2006",
            "name": "Sukaresmi",
            "parent": {
              "name": "Sukamakmur"
            }
          }
        }
      }
    ]
  }
};
