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
        "cellMedianDaysMax": null
      },
      {
        "key": "VERIFIED",
        "proposals": 25,
        "share": 0.3787878787878788,
        "decidedProposals": 0,
        "medianDaysToDecision": null,
        "medianIsExact": true,
        "cellMedianDaysMin": null,
        "cellMedianDaysMax": null
      },
      {
        "key": "GROUND_CHECKED",
        "proposals": 6,
        "share": 0.09090909090909091,
        "decidedProposals": 0,
        "medianDaysToDecision": null,
        "medianIsExact": true,
        "cellMedianDaysMin": null,
        "cellMedianDaysMax": null
      },
      {
        "key": "APPROVED",
        "proposals": 15,
        "share": 0.22727272727272727,
        "decidedProposals": 15,
        "medianDaysToDecision": 49.5,
        "medianIsExact": false,
        "cellMedianDaysMin": 49,
        "cellMedianDaysMax": 68.5
      },
      {
        "key": "REJECTED",
        "proposals": 13,
        "share": 0.19696969696969696,
        "decidedProposals": 13,
        "medianDaysToDecision": 46,
        "medianIsExact": false,
        "cellMedianDaysMin": 19,
        "cellMedianDaysMax": 63
      }
    ],
    "cells": [
      {
        "kind": "DESIL_UPDATE",
        "path": "FORMAL",
        "status": "REJECTED",
        "proposals": 1,
        "medianDaysToDecision": 63
      },
      {
        "kind": "DESIL_UPDATE",
        "path": "FORMAL",
        "status": "SUBMITTED",
        "proposals": 2,
        "medianDaysToDecision": null
      },
      {
        "kind": "DESIL_UPDATE",
        "path": "FORMAL",
        "status": "VERIFIED",
        "proposals": 2,
        "medianDaysToDecision": null
      },
      {
        "kind": "DESIL_UPDATE",
        "path": "PARTICIPATORY",
        "status": "GROUND_CHECKED",
        "proposals": 1,
        "medianDaysToDecision": null
      },
      {
        "kind": "DESIL_UPDATE",
        "path": "PARTICIPATORY",
        "status": "REJECTED",
        "proposals": 4,
        "medianDaysToDecision": 50.5
      },
      {
        "kind": "DESIL_UPDATE",
        "path": "PARTICIPATORY",
        "status": "SUBMITTED",
        "proposals": 2,
        "medianDaysToDecision": null
      },
      {
        "kind": "DESIL_UPDATE",
        "path": "PARTICIPATORY",
        "status": "VERIFIED",
        "proposals": 3,
        "medianDaysToDecision": null
      },
      {
        "kind": "PBI_REACTIVATION",
        "path": "FORMAL",
        "status": "GROUND_CHECKED",
        "proposals": 1,
        "medianDaysToDecision": null
      },
      {
        "kind": "PBI_REACTIVATION",
        "path": "PARTICIPATORY",
        "status": "VERIFIED",
        "proposals": 2,
        "medianDaysToDecision": null
      },
      {
        "kind": "SANGGAH",
        "path": "FORMAL",
        "status": "APPROVED",
        "proposals": 4,
        "medianDaysToDecision": 49.5
      },
      {
        "kind": "SANGGAH",
        "path": "FORMAL",
        "status": "GROUND_CHECKED",
        "proposals": 2,
        "medianDaysToDecision": null
      },
      {
        "kind": "SANGGAH",
        "path": "FORMAL",
        "status": "REJECTED",
        "proposals": 1,
        "medianDaysToDecision": 19
      },
      {
        "kind": "SANGGAH",
        "path": "FORMAL",
        "status": "VERIFIED",
        "proposals": 5,
        "medianDaysToDecision": null
      },
      {
        "kind": "SANGGAH",
        "path": "PARTICIPATORY",
        "status": "APPROVED",
        "proposals": 4,
        "medianDaysToDecision": 68.5
      },
      {
        "kind": "SANGGAH",
        "path": "PARTICIPATORY",
        "status": "GROUND_CHECKED",
        "proposals": 1,
        "medianDaysToDecision": null
      },
      {
        "kind": "SANGGAH",
        "path": "PARTICIPATORY",
        "status": "REJECTED",
        "proposals": 1,
        "medianDaysToDecision": 28
      },
      {
        "kind": "SANGGAH",
        "path": "PARTICIPATORY",
        "status": "SUBMITTED",
        "proposals": 1,
        "medianDaysToDecision": null
      },
      {
        "kind": "SANGGAH",
        "path": "PARTICIPATORY",
        "status": "VERIFIED",
        "proposals": 7,
        "medianDaysToDecision": null
      },
      {
        "kind": "USULAN",
        "path": "FORMAL",
        "status": "APPROVED",
        "proposals": 5,
        "medianDaysToDecision": 49
      },
      {
        "kind": "USULAN",
        "path": "FORMAL",
        "status": "GROUND_CHECKED",
        "proposals": 1,
        "medianDaysToDecision": null
      },
      {
        "kind": "USULAN",
        "path": "FORMAL",
        "status": "REJECTED",
        "proposals": 4,
        "medianDaysToDecision": 46
      },
      {
        "kind": "USULAN",
        "path": "FORMAL",
        "status": "SUBMITTED",
        "proposals": 1,
        "medianDaysToDecision": null
      },
      {
        "kind": "USULAN",
        "path": "FORMAL",
        "status": "VERIFIED",
        "proposals": 4,
        "medianDaysToDecision": null
      },
      {
        "kind": "USULAN",
        "path": "PARTICIPATORY",
        "status": "APPROVED",
        "proposals": 2,
        "medianDaysToDecision": 51
      },
      {
        "kind": "USULAN",
        "path": "PARTICIPATORY",
        "status": "REJECTED",
        "proposals": 2,
        "medianDaysToDecision": 45.5
      },
      {
        "kind": "USULAN",
        "path": "PARTICIPATORY",
        "status": "SUBMITTED",
        "proposals": 1,
        "medianDaysToDecision": null
      },
      {
        "kind": "USULAN",
        "path": "PARTICIPATORY",
        "status": "VERIFIED",
        "proposals": 2,
        "medianDaysToDecision": null
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
        "cellMedianDaysMax": 63
      },
      {
        "key": "PARTICIPATORY",
        "proposals": 33,
        "share": 0.5,
        "decidedProposals": 13,
        "medianDaysToDecision": 50.5,
        "medianIsExact": false,
        "cellMedianDaysMin": 28,
        "cellMedianDaysMax": 68.5
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
        "cellMedianDaysMax": 51
      },
      {
        "key": "SANGGAH",
        "proposals": 26,
        "share": 0.3939393939393939,
        "decidedProposals": 10,
        "medianDaysToDecision": 49.5,
        "medianIsExact": false,
        "cellMedianDaysMin": 19,
        "cellMedianDaysMax": 68.5
      },
      {
        "key": "DESIL_UPDATE",
        "proposals": 15,
        "share": 0.22727272727272727,
        "decidedProposals": 5,
        "medianDaysToDecision": 50.5,
        "medianIsExact": false,
        "cellMedianDaysMin": 50.5,
        "cellMedianDaysMax": 63
      },
      {
        "key": "PBI_REACTIVATION",
        "proposals": 3,
        "share": 0.045454545454545456,
        "decidedProposals": 0,
        "medianDaysToDecision": null,
        "medianIsExact": true,
        "cellMedianDaysMin": null,
        "cellMedianDaysMax": null
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
