import { defineStrings } from '../../i18n/define';

/**
 * Matchmaking ("Find partners"): the names of the reasons and their weights, and one sentence per
 * reason as the ranking explains a candidate. Beside the feature's schema and pure function; the type
 * makes a German string missing (or extra) a compile error. `{{country}}` is a country code that
 * `reasonText` (./match.ts) turns into the country's name in the reader's language.
 */
export const strings = defineStrings({
  en: {
    matchmaking: {
      kinds: {
        sharedTopics: 'Shared topics',
        priorityCountry: 'Priority country',
        earlierCooperation: 'Earlier cooperation',
        relatedPartner: 'Related partner',
        metOnTrip: 'Met on a trip',
        currentPosition: 'Current position',
        recentContact: 'Recent contact',
        sharedNetwork: 'Shared network',
      },
      reasons: {
        sharedTopics_one: 'Shared topic: {{topics}}',
        sharedTopics_other: '{{count, number}} shared topics: {{topics}}',
        requestedCountry: 'Based in {{country}}, a country this request is about',
        priorityCountry: 'Based in {{country}}, a priority country (level {{level}})',
        requestedPriorityCountry: 'Based in {{country}}: asked for here, and a priority country (level {{level}})',
        countryExperience_one: 'One cooperation with partners in {{country}}',
        countryExperience_other: '{{count, number}} cooperations with partners in {{country}}',
        earlierCooperation_one: 'Earlier cooperation: “{{title}}”',
        earlierCooperation_other: '{{count, number}} earlier cooperations, most recently “{{title}}”',
        relatedPartner_one: 'Cooperation “{{title}}” with the related {{organisation}}',
        relatedPartner_other: '{{count, number}} cooperations with related organisations, such as {{organisation}} (“{{title}}”)',
        metOnTrip_one: 'Met on the trip “{{trip}}”',
        metOnTrip_other: 'Met on {{count, number}} trips, most recently “{{trip}}”',
        travelledToMeet_one: 'On the trip “{{trip}}”, which met {{partner}}',
        travelledToMeet_other: 'On {{count, number}} trips that met {{partner}}, most recently “{{trip}}”',
        travelledTo_one: 'On the trip “{{trip}}” to {{country}}',
        travelledTo_other: 'On {{count, number}} trips to {{country}}, most recently “{{trip}}”',
        currentPosition: 'Currently {{role}} at {{organisation}}',
        recentContact: 'Last contact on {{date}}',
        recentContactVia: 'Last contact on {{date}}, with {{person}}',
        sharedNetwork_one: 'Shared network: {{groups}}',
        sharedNetwork_other: '{{count, number}} shared networks: {{groups}}',
      },
    },
  },
  de: {
    matchmaking: {
      kinds: {
        sharedTopics: 'Gemeinsame Themen',
        priorityCountry: 'Schwerpunktland',
        earlierCooperation: 'Frühere Kooperation',
        relatedPartner: 'Verbundener Partner',
        metOnTrip: 'Auf einer Reise getroffen',
        currentPosition: 'Aktuelle Position',
        recentContact: 'Letzter Kontakt',
        sharedNetwork: 'Gemeinsames Netzwerk',
      },
      reasons: {
        sharedTopics_one: 'Gemeinsames Thema: {{topics}}',
        sharedTopics_other: '{{count, number}} gemeinsame Themen: {{topics}}',
        requestedCountry: 'Tätig in {{country}}, einem Land, um das es hier geht',
        priorityCountry: 'Tätig in {{country}}, einem Schwerpunktland (Stufe {{level}})',
        requestedPriorityCountry: 'Tätig in {{country}}: hier gefragt und Schwerpunktland (Stufe {{level}})',
        countryExperience_one: 'Eine Kooperation mit Partnern in {{country}}',
        countryExperience_other: '{{count, number}} Kooperationen mit Partnern in {{country}}',
        earlierCooperation_one: 'Frühere Kooperation: „{{title}}“',
        earlierCooperation_other: '{{count, number}} frühere Kooperationen, zuletzt „{{title}}“',
        relatedPartner_one: 'Kooperation „{{title}}“ mit der verbundenen Einrichtung {{organisation}}',
        relatedPartner_other: '{{count, number}} Kooperationen mit verbundenen Einrichtungen, etwa {{organisation}} („{{title}}“)',
        metOnTrip_one: 'Getroffen auf der Reise „{{trip}}“',
        metOnTrip_other: 'Getroffen auf {{count, number}} Reisen, zuletzt „{{trip}}“',
        travelledToMeet_one: 'Dabei auf der Reise „{{trip}}“, die {{partner}} getroffen hat',
        travelledToMeet_other: 'Dabei auf {{count, number}} Reisen, die {{partner}} getroffen haben, zuletzt „{{trip}}“',
        travelledTo_one: 'Dabei auf der Reise „{{trip}}“ nach {{country}}',
        travelledTo_other: 'Dabei auf {{count, number}} Reisen nach {{country}}, zuletzt „{{trip}}“',
        currentPosition: 'Derzeit {{role}} bei {{organisation}}',
        recentContact: 'Letzter Kontakt am {{date}}',
        recentContactVia: 'Letzter Kontakt am {{date}}, mit {{person}}',
        sharedNetwork_one: 'Gemeinsames Netzwerk: {{groups}}',
        sharedNetwork_other: '{{count, number}} gemeinsame Netzwerke: {{groups}}',
      },
    },
  },
});
