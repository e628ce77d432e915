/**
 * Hash algorithms by the names Python's {@code hashlib} gives them: the one table of digest lengths, Java (JCA) names
 * and the RECORD policy, shared by RECORD reading and provenance. Raw layer: it imports nothing of the project.
 */
package dev.wheeltapper.digest;
