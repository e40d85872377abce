import { defineStrings } from '../../i18n/define';

/**
 * Team workspaces (Settings → Team, the sidebar's sync status, the Conflicts screen), in English and
 * German. Beside the feature's schema and contract; the type makes a German string missing (or extra) a compile error.
 */
export const strings = defineStrings({
  en: {
    team: {
      errors: {
        badUrl: 'Enter the server’s address, such as https://couch.example.org.',
        plainHttp: 'Use https: plain http is allowed only to this computer (localhost).',
        credentialsInUrl: 'Leave the user and password out of the address; enter them below.',
        badDatabase: 'A database name starts with a lower-case letter and has only a–z, 0–9 and _ $ ( ) + - /.',
        notLinked: 'This workspace is not linked to a team database.',
        unavailable: 'Team sync is not available in this build.',
      },
      problems: {
        unreachable: 'The server cannot be reached. Check the address and the network.',
        unauthorized: 'The server refused the user name or password.',
        forbidden: 'This user may not use this database. Ask IT to add them to its members.',
        noDatabase: 'The server has no database of that name. Ask IT to create it.',
        notCouch: 'The address does not answer like a CouchDB server.',
        server: 'The server answered with an error: {{detail}}',
        passwordNeeded: 'Enter the team password to sync again.',
      },
      held: {
        unknownType: 'A document of a kind this version of Attaché does not know.',
        newerSchema: 'A document written by a newer version of Attaché.',
        invalid: 'A document that is not valid: {{detail}}',
        missingReference: 'Waiting for a record it refers to.',
        tooLarge: 'A document larger than Attaché accepts.',
      },
    },
  },
  de: {
    team: {
      errors: {
        badUrl: 'Geben Sie die Adresse des Servers ein, etwa https://couch.example.org.',
        plainHttp: 'Verwenden Sie https: unverschlüsseltes http ist nur zu diesem Computer (localhost) erlaubt.',
        credentialsInUrl: 'Lassen Sie Benutzer und Passwort aus der Adresse weg und geben Sie sie unten ein.',
        badDatabase: 'Ein Datenbankname beginnt mit einem Kleinbuchstaben und enthält nur a–z, 0–9 und _ $ ( ) + - /.',
        notLinked: 'Dieser Arbeitsbereich ist mit keiner Team-Datenbank verbunden.',
        unavailable: 'Die Team-Synchronisation ist in dieser Version nicht verfügbar.',
      },
      problems: {
        unreachable: 'Der Server ist nicht erreichbar. Prüfen Sie die Adresse und das Netzwerk.',
        unauthorized: 'Der Server hat Benutzername oder Passwort abgelehnt.',
        forbidden: 'Dieser Benutzer darf diese Datenbank nicht verwenden. Bitten Sie die IT, ihn als Mitglied einzutragen.',
        noDatabase: 'Auf dem Server gibt es keine Datenbank dieses Namens. Bitten Sie die IT, sie anzulegen.',
        notCouch: 'Unter dieser Adresse antwortet kein CouchDB-Server.',
        server: 'Der Server hat mit einem Fehler geantwortet: {{detail}}',
        passwordNeeded: 'Geben Sie das Team-Passwort ein, um wieder zu synchronisieren.',
      },
      held: {
        unknownType: 'Ein Dokument einer Art, die diese Version von Attaché nicht kennt.',
        newerSchema: 'Ein Dokument aus einer neueren Version von Attaché.',
        invalid: 'Ein ungültiges Dokument: {{detail}}',
        missingReference: 'Wartet auf einen Eintrag, auf den es verweist.',
        tooLarge: 'Ein Dokument, das größer ist, als Attaché annimmt.',
      },
    },
  },
});
