package org.gospelib.scripture;

/** Old or New Testament; deuterocanonical books count with the Old, as SWORD files them. */
public enum Testament {
    OT, NT
}
