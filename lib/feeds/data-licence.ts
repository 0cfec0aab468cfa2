/** The licence and attribution every open-data response and the /developers page carry. */
export interface DataLicence {
  name: string;
  url: string;
  /** The sentence re-users must show, e.g. "Contains public sector information licensed under the Open Government Licence v3.0." */
  attribution: string;
}

export const OGL_V3: DataLicence = {
  name: "Open Government Licence v3.0",
  url: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
  attribution: "Contains public sector information licensed under the Open Government Licence v3.0.",
};

/** The Link header value that points at the licence (RFC 8288 rel="license"). */
export function licenceLinkHeader(licence: DataLicence): string {
  return `<${licence.url}>; rel="license"`;
}
