import TriangulateModel

extension DocumentType {
    /// This type's schema in the Emerging Concerns Protocol's definition: the documents these
    /// tests exercise the sync core with.
    var schema: DocumentSchema { DocumentCatalog(EmergingConcerns.documents).schema(self)! }
}
