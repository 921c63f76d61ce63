import TriangulateModel
import GRDB
public enum NodePlaceholder {}
