import TriangulateModel

extension DocumentType {
    /// This type's schema in the Emerging Concerns Protocol's definition.
    var schema: DocumentSchema { DocumentCatalog(EmergingConcerns.documents).schema(self)! }
}
