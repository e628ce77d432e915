/**
 * Platform policy: manylinux and musllinux policy data and checks, and the abi3 stable ABI.
 */
package dev.wheeltapper.policy;
