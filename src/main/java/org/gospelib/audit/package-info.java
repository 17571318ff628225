/**
 * The operators' audit log: every change an operator makes (who, what, when, before and after),
 * written in the transaction of the change. A module of its own that every service holds, like
 * platform: each module records the changes its own admin routes make.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.gospelib.audit;
