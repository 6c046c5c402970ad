import type {
  AccessCutOffData,
  AccessRestoredData,
  CaseAccessRevokedData,
  CaseClosedData,
  CaseEventType,
  CaseOpenedData,
  CaseReopenedData,
  CaseSharedData,
  DossierExportedData,
  EntryCorrectedData,
  EntryRetractedData,
  EvidenceAttachedData,
  ImpactRecordedData,
  IncidentReportedData,
  MeetingHeldData,
  NoteAddedData,
  ProviderActionRecordedData,
  RequestReceiptConfirmedData,
  ResponseReceivedData,
  WitnessStatementAddedData,
  WrittenRequestSentData,
} from './case.events';

/**
 * What a person asks the case to record. Ids (entryId, evidenceId, grantId...) are assigned by the
 * handler shell before deciding, so the decider stays deterministic.
 */
export type CaseCommand =
  | { type: 'OpenCase'; data: CaseOpenedData }
  | { type: 'ReportIncident'; data: IncidentReportedData }
  | { type: 'RecordAccessCutOff'; data: AccessCutOffData }
  | { type: 'RecordAccessRestoration'; data: AccessRestoredData }
  | { type: 'RecordProviderAction'; data: ProviderActionRecordedData }
  | { type: 'RecordWrittenRequest'; data: WrittenRequestSentData }
  | { type: 'ConfirmRequestReceipt'; data: RequestReceiptConfirmedData }
  | { type: 'RecordResponse'; data: ResponseReceivedData }
  | { type: 'RecordMeeting'; data: MeetingHeldData }
  | { type: 'RecordImpact'; data: ImpactRecordedData }
  | { type: 'AddWitnessStatement'; data: WitnessStatementAddedData }
  | { type: 'AddNote'; data: NoteAddedData }
  | { type: 'AttachEvidence'; data: EvidenceAttachedData }
  | { type: 'CorrectEntry'; data: EntryCorrectedData }
  | { type: 'RetractEntry'; data: EntryRetractedData }
  | { type: 'ShareCase'; data: CaseSharedData }
  | { type: 'RevokeCaseAccess'; data: CaseAccessRevokedData }
  | { type: 'RecordDossierExport'; data: DossierExportedData }
  | { type: 'CloseCase'; data: CaseClosedData }
  | { type: 'ReopenCase'; data: CaseReopenedData };

export type CaseCommandType = CaseCommand['type'];

/** The single event each command produces when accepted. */
export const EVENT_OF_COMMAND: Record<CaseCommandType, CaseEventType> = {
  OpenCase: 'CaseOpened',
  ReportIncident: 'IncidentReported',
  RecordAccessCutOff: 'AccessCutOff',
  RecordAccessRestoration: 'AccessRestored',
  RecordProviderAction: 'ProviderActionRecorded',
  RecordWrittenRequest: 'WrittenRequestSent',
  ConfirmRequestReceipt: 'RequestReceiptConfirmed',
  RecordResponse: 'ResponseReceived',
  RecordMeeting: 'MeetingHeld',
  RecordImpact: 'ImpactRecorded',
  AddWitnessStatement: 'WitnessStatementAdded',
  AddNote: 'NoteAdded',
  AttachEvidence: 'EvidenceAttached',
  CorrectEntry: 'EntryCorrected',
  RetractEntry: 'EntryRetracted',
  ShareCase: 'CaseShared',
  RevokeCaseAccess: 'CaseAccessRevoked',
  RecordDossierExport: 'DossierExported',
  CloseCase: 'CaseClosed',
  ReopenCase: 'CaseReopened',
};

/** Custody and lifecycle commands still accepted on a closed case: exporting it is the point of closing. */
export const ALLOWED_ON_CLOSED_CASE: readonly CaseCommandType[] = ['ReopenCase', 'RecordDossierExport', 'ShareCase', 'RevokeCaseAccess'];
