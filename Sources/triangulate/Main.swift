import ArgumentParser
import TriangulateNode
import TriangulateModel
@main struct Main: ParsableCommand { func run() {} }
